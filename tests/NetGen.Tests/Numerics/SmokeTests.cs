using NetGen.Tests.Networks;

namespace NetGen.Tests.Numerics;

public class SmokeTests
{
    [Fact]
    public void NpcBrainMatchesReference()
    {
        var network = new NpcBrain(3);
        var reference = new ReferenceNetwork(
            [ReferenceLayer.Dense(4, 16, Activation.Tanh), ReferenceLayer.Dense(16, 16, Activation.Tanh), ReferenceLayer.Dense(16, 2, Activation.Identity)],
            Loss.MeanSquaredError);
        float[] input = [0.5f, -1.25f, 2f, 0.1f];
        var output = new float[2];
        network.Forward(input, output);
        var expected = reference.Forward(network.Parameters, input);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(expected[i], output[i], 1e-5);
        }
    }
}
