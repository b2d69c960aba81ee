using System;
using NetGen;
using NetGen.Tests.Networks;
using NetGen.Tests.Training.TestNetworks;

namespace NetGen.Tests.Training;

/// <summary>Every error message the runtime gives for bad input says what is wrong and where.</summary>
public class MessageTests
{
    [Fact]
    public void NonFiniteFeature_NamesTheRowAndColumnInGoodGrammar()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Dataset([1, 2, float.NaN, 4], [0, 1], featureCount: 2, targetCount: 1));
        Assert.StartsWith("The feature in row 1, column 0 is NaN; every value must be finite.", ex.Message);
        Assert.Equal("features", ex.ParamName);
    }

    [Fact]
    public void NonFiniteTarget_NamesTheRowAndColumn()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Dataset([1, 2], [0, float.NegativeInfinity], featureCount: 1, targetCount: 1));
        Assert.StartsWith("The target in row 1, column 0 is -Infinity; every value must be finite.", ex.Message);
        Assert.Equal("targets", ex.ParamName);
    }

    [Fact]
    public void EvaluateOnADatasetThatDoesNotFit_NamesTheDatasetAndTheNetwork()
    {
        var ex = Assert.Throws<ArgumentException>(() => Metrics.Evaluate(new SoftmaxRegression(2, 3), new Dataset([1f, 2f], [1f, 0f], 2, 2)));
        Assert.StartsWith("The dataset has 2 targets per row but the network SoftmaxRegression has OutputSize 3; they must be equal.", ex.Message);
        Assert.Equal("data", ex.ParamName);
        Assert.DoesNotContain("data dataset", ex.Message);
    }

    [Fact]
    public void TrainOnSetsThatDoNotFit_NameTheTrainingOrValidationSet()
    {
        var trainer = new Trainer(new LinearRegression(3, 1), new Sgd(0.1));
        var features = Assert.Throws<ArgumentException>(() => trainer.Train(new Dataset([1f, 2f], [0f, 1f], 1, 1)));
        Assert.StartsWith("The training set has 1 features per row but the network LinearRegression has InputSize 3", features.Message);
        Assert.Equal("train", features.ParamName);
        var targets = Assert.Throws<ArgumentException>(() => trainer.Train(new Dataset(new float[3], [0f], 3, 1), new Dataset(new float[6], new float[4], 3, 2)));
        Assert.StartsWith("The validation set has 2 targets per row but the network LinearRegression has OutputSize 1", targets.Message);
        Assert.Equal("validation", targets.ParamName);
    }

    [Fact]
    public void ForwardBatch_WithPartOfARow_SaysNotAWholeNumberOfRows()
    {
        var network = new SoftmaxCrossEntropy();
        var ex = Assert.Throws<ArgumentException>(() => network.ForwardBatch(new float[40], new float[7]));
        Assert.Equal("inputs has 40 values, which is not a whole number of rows of 33 inputs.", ex.Message.Split(" (Parameter")[0]);
        Assert.DoesNotContain("non-zero", ex.Message);
        network.ForwardBatch([], []);   // zero rows are accepted
    }

    [Fact]
    public void BackwardBatch_WithNoRow_SaysABatchNeedsARow()
    {
        var network = new SoftmaxCrossEntropy();
        var ex = Assert.Throws<ArgumentException>(() => network.BackwardBatch([], []));
        Assert.Equal("inputs has 0 values; a batch needs at least one row of 33 inputs.", ex.Message.Split(" (Parameter")[0]);
        Assert.Equal("inputs", ex.ParamName);
    }
}
