using System.Globalization;
using NetGen;
using NetGen.Samples.Perceptron;

// Perceptron and XOR: a single layer draws one straight line through the plane, and no line
// separates XOR's ones from its zeros. One hidden layer bends the boundary and learns it.

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

float[][] inputs = [[0, 0], [0, 1], [1, 0], [1, 1]];
var gates = new (string Name, float[] Targets)[]
{
    ("AND", [0, 0, 0, 1]),
    ("OR", [0, 1, 1, 1]),
    ("XOR", [0, 1, 1, 0]),
};

Console.WriteLine("1. Step perceptron, trained with the perceptron rule  w += lr·(t − y)·x,  b += lr·(t − y)");
Console.WriteLine();
foreach (var (name, targets) in gates)
{
    var perceptron = new StepPerceptron(seed: 1);
    var result = PerceptronRule.Train(perceptron, inputs, targets, learningRate: 0.1f, maxEpochs: 100);
    string outcome = result.Converged
        ? $"converged after {result.Epochs} epochs"
        : $"did not converge in {result.Epochs} epochs; best accuracy {result.BestAccuracy:P0}";
    Console.WriteLine($"  {name}: {outcome}");
    TruthTable.Print(perceptron, inputs, targets);
}

Console.WriteLine("2. One sigmoid unit, binary cross-entropy, Adam, 2000 full-batch epochs");
Console.WriteLine();
var xor = Dataset.FromRows(inputs, [[0f], [1f], [1f], [0f]]);
var single = new SigmoidPerceptron(seed: 1);
Train(single, xor, learningRate: 0.05f);
var singleEvaluation = Metrics.Evaluate(single, xor);
Console.WriteLine($"  XOR: loss {singleEvaluation.Loss:F4} (ln 2 = 0.6931: no better than always answering 0.5), accuracy {singleEvaluation.Accuracy:P0}");
TruthTable.Print(single, inputs, [0, 1, 1, 0]);

Console.WriteLine("3. 2-4-1 network (tanh hidden layer, sigmoid output), binary cross-entropy, Adam, 2000 full-batch epochs");
Console.WriteLine();
var network = new XorNetwork(seed: 1);
Train(network, xor, learningRate: 0.05f);
var evaluation = Metrics.Evaluate(network, xor);
Console.WriteLine($"  XOR: loss {evaluation.Loss:F4}, accuracy {evaluation.Accuracy:P0}");
TruthTable.Print(network, inputs, [0, 1, 1, 0]);

static void Train(INetwork network, Dataset data, float learningRate)
{
    var trainer = new Trainer(network, new Adam(learningRate)) { MaxEpochs = 2000, BatchSize = data.Count };
    trainer.Train(data);
}
