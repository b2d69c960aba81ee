namespace NetGen.Samples.Swarm;

/// <summary>One generation of <see cref="EvolutionStrategy"/>.</summary>
/// <param name="Generation">The generation's number, from 1.</param>
/// <param name="PopulationMean">The mean fitness of the generation's perturbed brains.</param>
/// <param name="PopulationBest">The best fitness among them.</param>
/// <param name="Brain">The brain after the generation's update, scored on the validation field.</param>
public readonly record struct GenerationReport(int Generation, float PopulationMean, float PopulationBest, Score Brain);
