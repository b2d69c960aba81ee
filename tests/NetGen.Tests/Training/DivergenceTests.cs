using System;
using NetGen;
using NetGen.Tests.Training.TestNetworks;

namespace NetGen.Tests.Training;

/// <summary>A diverged training names the likely causes NetGen can measure, most likely first, then the learning rate.</summary>
public class DivergenceTests
{
    /// <summary>y = Wx + b with no output activation, declared with CrossEntropy: outputs that are not probabilities.</summary>
    private sealed class IdentityCrossEntropy() : TestNetwork(2, 3, Loss.CrossEntropy)
    {
        protected override void Activate(Span<float> values)
        {
        }

        protected override float LossAndGradient(ReadOnlySpan<float> y, ReadOnlySpan<float> t, Span<float> dz)
        {
            float loss = 0;
            for (int o = 0; o < y.Length; o++)
            {
                loss -= t[o] * MathF.Log(y[o]);
                dz[o] = -t[o] / y[o];
            }

            return loss;
        }
    }

    [Fact]
    public void AnOutputThatIsNotAProbability_IsNamedFirst()
    {
        var inner = new IdentityCrossEntropy();
        inner.InitializeParameters(4);
        var network = new InstrumentedNetwork(inner) { NaNAtCall = 2 };
        var data = new Dataset([1f, -2f, 0.5f, 0.5f, -1f, 1f], Dataset.OneHot([0, 2, 1], 3), 2, 3);

        var ex = Assert.Throws<TrainingDivergedException>(() => new Trainer(network, new Adam(0.01)) { BatchSize = 1 }.Train(data));

        Assert.Equal(2, ex.LikelyCauses.Count);
        Assert.StartsWith("CrossEntropy needs a Softmax output layer, but InstrumentedNetwork's outputs for row 0 of the training set are (", ex.LikelyCauses[0]);
        Assert.EndsWith("which are not probabilities", ex.LikelyCauses[0]);
        Assert.StartsWith("the learning rate 0.01 of Adam may be too high: try 0.001", ex.LikelyCauses[1]);
        Assert.Contains("Likely causes, most likely first: (1) CrossEntropy needs a Softmax output layer", ex.Message);
    }

    [Fact]
    public void TargetsThatAreNotProbabilities_AreNamedWithTheirRow()
    {
        var network = new InstrumentedNetwork(new SoftmaxRegression(1, 2)) { NaNAtCall = 1 };
        var data = new Dataset([0.1f, 0.2f, 0.3f], [1f, 0f, 0f, 1f, 2f, 0f], 1, 2);

        var ex = Assert.Throws<TrainingDivergedException>(() => new Trainer(network, new Sgd(0.1)).Train(data));

        Assert.StartsWith("CrossEntropy expects probability targets (one-hot rows summing to 1), but row 2 of the training set is (2, 0)", ex.LikelyCauses[0]);
        Assert.StartsWith("the learning rate", ex.LikelyCauses[^1]);
    }

    [Fact]
    public void UnscaledInputs_AreMeasuredOnTheTrainingSetAndComeBeforeTheLearningRate()
    {
        var network = new InstrumentedNetwork(new LinearRegression(2, 1)) { NaNAtCall = 3 };
        var features = new float[20];
        for (int r = 0; r < 10; r++)
        {
            features[2 * r] = 0.1f * r;          // scaled
            features[2 * r + 1] = 25.5f * r;     // pixel values 0–229.5
        }

        var data = new Dataset(features, new float[10], 2, 1, featureNames: ["contrast", "brightness"]);
        var ex = Assert.Throws<TrainingDivergedException>(() => new Trainer(network, new Sgd(1)) { BatchSize = 2, MaxGradientNorm = 5 }.Train(data));

        Assert.Equal(2, ex.LikelyCauses.Count);
        Assert.StartsWith("the inputs are not scaled: feature 1 (\"brightness\") of the training set ranges over [0, 229.5]; standardise the features", ex.LikelyCauses[0]);
        Assert.Equal("the learning rate 1 of Sgd may be too high: try 0.1", ex.LikelyCauses[1]);   // clipping is on: no advice to clip
    }
}
