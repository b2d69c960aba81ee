using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>
/// Emits the batch path of <c>ForwardBatch</c>: a block of as many rows as a vector has lanes, held transposed
/// (one vector per feature, one lane per row). Each weight is then broadcast once and multiplied into a whole
/// block of rows, so a layer is a sum of outer products with no horizontal sums at all, and every loaded weight
/// serves all the rows of the block.
/// </summary>
internal static class ColumnsEmitter
{
    /// <summary>Stack the transposed activations of one block may use; wider networks run ForwardBatch row by row.</summary>
    private const int StackBudget = 128 * 1024;

    /// <summary>Outputs whose accumulators stay in registers while the inputs stream past.</summary>
    private const int OutputBlock = 8;

    /// <summary>The vector paths that have a batch kernel for this network (none when its blocks would not fit the stack).</summary>
    public static SimdPath[] Paths(NetworkSpec spec) =>
        new[] { SimdPath.Vector512, SimdPath.Vector256 }.Where(path => StackBytes(spec, path.Width) <= StackBudget).ToArray();

    public static string BlockName(SimdPath path) => $"ForwardColumns{path.Name}";

    private static long StackBytes(NetworkSpec spec, int lanes) =>
        sizeof(float) * (long)lanes * (spec.Inputs + (2L * spec.WidestAffineOutputs) + spec.Outputs);

    /// <summary>The block driver: transpose in, every layer, transpose out.</summary>
    public static void EmitBlock(SourceWriter writer, NetworkSpec spec, SimdPath path)
    {
        var lanes = path.Width;
        var widest = spec.WidestAffineOutputs;
        writer.Line();
        writer.Line($"/// <summary>Runs every layer for {lanes} rows held transposed, one {path.Name} lane per row.</summary>");
        using (writer.Block($"private static void {BlockName(path)}(ref float parameters, ref float input, {Code.Span} output)"))
        {
            writer.Line($"{Code.Span} columns = stackalloc float[{spec.Inputs * lanes}];");
            writer.Line($"{Code.Span} even = stackalloc float[{widest * lanes}];");
            writer.Line($"{Code.Span} odd = stackalloc float[{widest * lanes}];");
            writer.Line($"ref float transposed = ref {Code.MemoryMarshal}.GetReference(columns);");
            using (writer.Block($"for (nuint row = 0; row < {lanes}; row++)"))
            {
                using (writer.Block($"for (nuint i = 0; i < {spec.Inputs}; i++)"))
                {
                    writer.Line($"{Code.Element("transposed", $"i * {lanes} + row")} = {Code.Element("input", $"row * {spec.Inputs} + i")};");
                }
            }

            writer.Line();
            var previous = "columns";
            foreach (var layer in spec.Layers)
            {
                var target = layer.Index % 2 == 0 ? "even" : "odd";
                writer.Line($"// Layer {layer.Number}: {layer.Describe()}.");
                writer.Line($"{KernelName(layer, path)}(ref parameters, ref {Code.MemoryMarshal}.GetReference({previous}), ref {Code.MemoryMarshal}.GetReference({target}));");
                previous = target;
            }

            writer.Line();
            writer.Line($"ref float result = ref {Code.MemoryMarshal}.GetReference({previous});");
            using (writer.Block($"for (nuint row = 0; row < {lanes}; row++)"))
            {
                using (writer.Block($"for (nuint o = 0; o < {spec.Outputs}; o++)"))
                {
                    writer.Line($"output[(int)(row * {spec.Outputs} + o)] = {Code.Element("result", $"o * {lanes} + row")};");
                }
            }

            if (spec.OutputLayer.Activation == ActivationKind.Softmax)
            {
                writer.Line($"{Code.Activations}.Softmax(output, {spec.Outputs});");
            }
        }
    }

    public static string KernelName(LayerSpec layer, SimdPath path) => $"Layer{layer.Number}Columns{path.Name}";

    /// <summary>One layer on a transposed block: blocks of outputs accumulate outer products of weight columns and input rows.</summary>
    public static void EmitLayer(SourceWriter writer, LayerSpec layer, SimdPath path, TargetFeatures features)
    {
        var lanes = path.Width;
        var vector = SimdPath.VectorClass(lanes);
        var inputs = layer.Inputs;
        var outputs = layer.AffineOutputs;
        var target = layer.IsMaxout ? "pieces" : "output";
        writer.Line();
        writer.Line($"/// <summary>Layer {layer.Number} ({layer.Describe()}) for {lanes} transposed rows, {path.Name} path.</summary>");
        using (writer.Block($"private static void {KernelName(layer, path)}(ref float parameters, ref float input, ref float output)"))
        {
            writer.Line($"ref float weights = ref {Code.Element("parameters", Literals.Int(layer.ParameterOffset))};");
            writer.Line($"ref float bias = ref {Code.Element("parameters", Literals.Int(layer.BiasOffset))};");
            if (layer.IsMaxout)
            {
                writer.Line($"{Code.Span} piecesBlock = stackalloc float[{outputs * lanes}];");
                writer.Line($"ref float pieces = ref {Code.MemoryMarshal}.GetReference(piecesBlock);");
            }

            var full = outputs / OutputBlock * OutputBlock;
            if (full > 0)
            {
                using (writer.Block($"for (nuint j = 0; j < {full}; j += {OutputBlock})"))
                {
                    EmitOutputBlock(writer, layer, path, features, "j", OutputBlock, target);
                }
            }

            if (outputs > full)
            {
                using (writer.Scope($"outputs {full} .. {outputs - 1}"))
                {
                    writer.Line($"const nuint j = {full};");
                    EmitOutputBlock(writer, layer, path, features, "j", outputs - full, target);
                }
            }

            if (layer.IsMaxout)
            {
                writer.Line("// Each unit is the maximum over its pieces, lane by lane.");
                using (writer.Block($"for (nuint u = 0; u < {layer.Units}; u++)"))
                {
                    writer.Line($"var maximum = {vector}.LoadUnsafe(ref pieces, u * {lanes});");
                    for (var piece = 1; piece < layer.Pieces; piece++)
                    {
                        writer.Line($"maximum = {vector}.Max(maximum, {vector}.LoadUnsafe(ref pieces, (u + {piece * layer.Units}) * {lanes}));");
                    }

                    writer.Line($"{vector}.StoreUnsafe(maximum, ref output, u * {lanes});");
                }
            }
        }
    }

    private static void EmitOutputBlock(SourceWriter writer, LayerSpec layer, SimdPath path, TargetFeatures features, string first, int count, string target)
    {
        var lanes = path.Width;
        var vector = SimdPath.VectorClass(lanes);
        var inputs = layer.Inputs;
        for (var k = 0; k < count; k++)
        {
            writer.Line($"var sum{k} = {vector}.Create({Code.Element("bias", $"{first} + {k}")});");
        }

        writer.Line($"ref float weightColumn = ref {Code.Unsafe}.Add(ref weights, {first} * {inputs});");
        using (writer.Block($"for (nuint i = 0; i < {inputs}; i++)"))
        {
            writer.Line($"var x = {vector}.LoadUnsafe(ref input, i * {lanes});");
            for (var k = 0; k < count; k++)
            {
                var weight = $"{vector}.Create({Code.Element("weightColumn", k == 0 ? "i" : $"i + {k * inputs}")})";
                writer.Line($"sum{k} = {Code.MultiplyAdd(lanes, weight, "x", $"sum{k}", features.FusedMultiplyAdd)};");
            }
        }

        for (var k = 0; k < count; k++)
        {
            var value = ActivationCalls.Inline(layer, $"sum{k}") ?? $"sum{k}";
            writer.Line($"{vector}.StoreUnsafe({value}, ref {target}, ({first} + {k}) * {lanes});");
        }
    }
}
