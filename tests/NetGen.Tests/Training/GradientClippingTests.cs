using System;
using System.Linq;
using NetGen;
using NetGen.Tests.Training.TestNetworks;

namespace NetGen.Tests.Training;

/// <summary>Clipping by global norm against torch.nn.utils.clip_grad_norm_: g ← g·min(1, max_norm / (‖g‖₂ + 1e-6)).</summary>
public class GradientClippingTests
{
    [Theory]
    [InlineData(37, 0.5)]     // clipped
    [InlineData(37, 1000.0)]  // under the bound: unchanged
    [InlineData(1, 0.1)]
    [InlineData(1000, 2.0)]
    public void ClipByNorm_MatchesClipGradNorm(int length, double maxNorm)
    {
        var random = new Random(length);
        var gradients = Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
        double norm = Math.Sqrt(gradients.Sum(g => (double)g * g));
        double coefficient = Math.Min(1, maxNorm / (norm + 1e-6));
        var expected = gradients.Select(g => g * coefficient).ToArray();

        double returned = GradientClipping.ClipByNorm(gradients, maxNorm);

        Assert.Equal(norm, returned, 1e-9 * norm);
        for (int i = 0; i < length; i++)
        {
            Assert.Equal(expected[i], gradients[i], 1e-6 * Math.Abs(expected[i]) + 1e-9);
        }

        double after = Math.Sqrt(gradients.Sum(g => (double)g * g));
        Assert.True(after <= maxNorm * (1 + 1e-6) || coefficient == 1, $"norm after clipping {after}");
    }

    [Fact]
    public void Trainer_ClipsEveryBatchBeforeTheStep()
    {
        // One row x = 1, t = 0, w = b = 1: the gradient of (w + b)² is (4, 4), norm 4√2. Clipped to 1: each 1/√2.
        var network = new LinearRegression(1, 1);
        network.Parameters[0] = 1;
        network.Parameters[1] = 1;
        new Trainer(network, new Sgd(0.1)) { MaxEpochs = 1, MaxGradientNorm = 1 }.Train(new Dataset([1f], [0f], 1, 1));

        double step = 0.1 * 4 * (1 / (4 * Math.Sqrt(2) + 1e-6));
        Assert.Equal(1 - step, network.Parameters[0], 1e-6);
        Assert.Equal(1 - step, network.Parameters[1], 1e-6);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Trainer(network, new Sgd(0.1)) { MaxGradientNorm = 0 });
    }

    [Fact]
    public void ScheduleAndClipping_AllocateNothingPerBatch()
    {
        var network = new LinearRegression(3, 1);
        var random = new Random(3);
        var data = new Dataset(Enumerable.Range(0, 512 * 3).Select(_ => (float)random.NextDouble()).ToArray(), new float[512], 3, 1);
        Trainer Make(int epochs) => new(network, new Adam(network))
        {
            MaxEpochs = epochs, BatchSize = 8, MaxGradientNorm = 0.5, LearningRateSchedule = LearningRateSchedule.Cosine(12, warmupEpochs: 2),
        };
        Make(2).Train(data);   // warm-up: JIT, optimizer state sizing
        Make(2).Train(data);

        // The least of three rounds each: a method promoted to tier 1 mid-round allocates once, not every round.
        long one = Allocations.LeastPerRound(() => Make(1).Train(data));
        long eleven = Allocations.LeastPerRound(() => Make(11).Train(data));

        // 10 more epochs of 64 batches each: only the 10 epoch reports and the history list may differ.
        Assert.True(eleven - one < 2048, $"1 epoch: {one} bytes, 11 epochs: {eleven} bytes");
    }
}
