using System.Diagnostics;
using System.Globalization;
using System.Runtime.Intrinsics;
using NetGen.Samples.Swarm;

// Swarm: thousands of agents on a 2-D field steer toward food and keep out of each other's way. Every agent has
// the same brain, a NetGen network (SwarmBrain.cs) trained here by an evolution strategy; each frame senses for
// every agent, then one ForwardBatch call thinks for all of them. The frame loop allocates nothing.
//
// usage: dotnet run -c Release --project samples/Swarm [--generations N] [--agents N] [--frames N] [--output DIR]

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
int generations = int.Parse(ValueOf("--generations") ?? "40", CultureInfo.InvariantCulture);
int agents = int.Parse(ValueOf("--agents") ?? "4096", CultureInfo.InvariantCulture);
int frames = int.Parse(ValueOf("--frames") ?? "1200", CultureInfo.InvariantCulture);
string outputFolder = ValueOf("--output") ?? "output";
Directory.CreateDirectory(outputFolder);
string simd = Vector512.IsHardwareAccelerated ? "Vector512" : Vector256.IsHardwareAccelerated ? "Vector256" : "scalar";
Console.WriteLine($"SwarmBrain {SwarmBrain.InputSize}-16-{SwarmBrain.OutputSize} (tanh), {SwarmBrain.ParameterCount} parameters; SIMD path {simd}");

// ---- Training: an evolution strategy on a small field ----
var settings = new EvolutionSettings();
var evolution = new EvolutionStrategy(settings);
Console.WriteLine($"Training: {generations} generations of {2 * settings.PairsPerGeneration} episodes, {settings.Field.AgentCount} agents, "
    + $"{settings.EpisodeFrames} frames ({settings.EpisodeFrames * settings.Field.FrameTime:F0} s) each");
var initial = evolution.Evaluate();
Console.WriteLine("generation  fitness  pellets/agent-min  crowded   (population mean, best)");
Print(0, initial, "");
var reports = new List<GenerationReport>();
var clock = Stopwatch.StartNew();
for (int generation = 0; generation < generations; generation++)
{
    var report = evolution.Evolve();
    reports.Add(report);
    if (report.Generation % 5 == 0 || report.Generation < 5 || report.Generation == generations)
    {
        Print(report.Generation, report.Brain, $"({report.PopulationMean,6:F1}, {report.PopulationBest,5:F1})");
    }
}

Console.WriteLine($"Training took {clock.Elapsed.TotalSeconds:F1} s.");
Console.WriteLine();

// ---- The game: one trained brain drives every agent of a big field ----
var field = FieldSettings.ForAgents(agents);
var world = new World(field, seed: 7);
const int warmUpFrames = 60;
FrameRun.Measure(world, evolution.Brain, warmUpFrames);
var run = FrameRun.Measure(world, evolution.Brain, frames);
Console.WriteLine($"Game: {field.AgentCount:N0} agents and {field.FoodCount:N0} pellets on a {field.Size:F0} × {field.Size:F0} field, "
    + $"{frames:N0} frames ({frames * field.FrameTime:F0} s at 60 fps) after {warmUpFrames} warm-up frames");
Console.WriteLine($"  agents per frame         {run.Agents:N0} (one ForwardBatch of {run.Agents:N0} rows)");
Console.WriteLine($"  ns per brain evaluation  {run.NanosecondsPerBrain,6:F1} mean, {run.FastestNanosecondsPerBrain,6:F1} in the fastest frame");
Console.WriteLine($"  ms per frame             {run.MillisecondsPerFrame,6:F2} mean, {run.FastestFrame.TotalMilliseconds,6:F2} fastest (sensing, brain, moving, eating)");
Console.WriteLine($"  GC.CollectionCount(0)    {run.CollectionsBefore} at start, {run.CollectionsAfter} at end");
Console.WriteLine($"  bytes allocated          {run.AllocatedBytes:N0} during the {frames:N0} frames");

var untrained = new World(field, seed: 7);
FrameRun.Measure(untrained, new SwarmBrain(settings.Seed), warmUpFrames + frames);
Console.WriteLine($"  trained brain:   {world.Score.FoodPerMinute,5:F1} pellets per agent-minute, crowded {world.Score.CrowdedShare:P1} of the time");
Console.WriteLine($"  untrained brain: {untrained.Score.FoodPerMinute,5:F1} pellets per agent-minute, crowded {untrained.Score.CrowdedShare:P1} of the time");
Console.WriteLine();

const int trailFrames = 40;
var trails = new Trails(field.AgentCount, trailFrames);
for (int frame = 0; frame < trailFrames; frame++)
{
    world.Step(evolution.Brain);
    trails.Record(world);
}

string fieldPath = Path.Combine(outputFolder, "swarm-field.png");
string fitnessPath = Path.Combine(outputFolder, "swarm-fitness.png");
FieldPicture.Save(fieldPath, world, trails);
FitnessPlot.Save(fitnessPath, initial, reports);
Console.WriteLine($"Pictures: {Path.GetFullPath(fieldPath)}, {Path.GetFullPath(fitnessPath)}");

static void Print(int generation, Score score, string population) =>
    Console.WriteLine($"{generation,10}  {score.Fitness,7:F1}  {score.FoodPerMinute,17:F1}  {score.CrowdedShare,7:P1}   {population}");

string? ValueOf(string option)
{
    int index = Array.IndexOf(args, option);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
