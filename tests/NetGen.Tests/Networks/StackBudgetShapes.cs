namespace NetGen.Tests.Networks;

// ForwardBatch's panel buffers take (inputs + outputs) floats per panel row here, against a budget of 128 KiB.

/// <summary>4,094 + 2 floats per row: panels of 8 rows fit the budget exactly, wider ones do not.</summary>
[Network(inputs: 4094)]
[Dense(2, Activation.Tanh)]
public partial class EightRowPanels;

/// <summary>4,100 + 2 floats per row: not even a panel of 8 rows fits, so every row runs alone.</summary>
[Network(inputs: 4100)]
[Dense(2, Activation.Tanh)]
public partial class PastStackBudget;
