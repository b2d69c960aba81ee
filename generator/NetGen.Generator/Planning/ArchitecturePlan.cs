using NetGen.Generator.Model;

namespace NetGen.Generator.Planning;

/// <summary>The network's description of its layers (<c>INetwork.Architecture</c>), which weight files are checked against.</summary>
/// <param name="Name">The layers as weight files name them, "4-Dense16Tanh-Dense2Identity", for the field's summary.</param>
internal sealed record ArchitecturePlan(string Name, int Inputs, EquatableArray<LayerDescriptionPlan> Layers);

/// <summary>One layer of <see cref="ArchitecturePlan"/>, as a <c>LayerDescription.Dense</c> or <c>LayerDescription.Maxout</c> call.</summary>
/// <param name="Activation">The name of the <c>Activation</c> value (Dense only).</param>
/// <param name="Alpha">The float literal of LeakyReLU's or ELU's α, or null for an activation without one.</param>
internal sealed record LayerDescriptionPlan(bool Maxout, int Inputs, int Units, int Pieces, string Activation, string? Alpha);
