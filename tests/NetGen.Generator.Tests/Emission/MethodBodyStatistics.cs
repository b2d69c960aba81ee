using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.IO;

namespace NetGen.Generator.Tests.Emission;

/// <summary>
/// What the JIT counts in one method before it gives up optimising it (MinOpts): IL bytes, locals, IL instructions
/// and basic blocks. Instructions are decoded from the IL; branch targets and an estimate of basic blocks (leaders:
/// the entry, every branch target, every instruction after a branch, return or throw, every handler start) stand for
/// the JIT's block count.
/// </summary>
public sealed record MethodBodyStatistics(string Method, int ILBytes, int Locals, int Instructions, int BranchTargets, int BasicBlocks)
{
    private static readonly Dictionary<ushort, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(opCode => (ushort)opCode.Value);

    /// <summary>Every method with a body in every type of an assembly image.</summary>
    public static IReadOnlyList<MethodBodyStatistics> Read(byte[] image)
    {
        using var pe = new PEReader(new MemoryStream(image));
        var metadata = pe.GetMetadataReader();
        var statistics = new List<MethodBodyStatistics>();
        foreach (var typeHandle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(typeHandle);
            // File-local types get a mangled name, <File_g>HASH__Name: keep the Name.
            var typeName = metadata.GetString(type.Name);
            typeName = typeName.Substring(typeName.LastIndexOf("__", System.StringComparison.Ordinal) is var at and >= 0 ? at + 2 : 0);
            foreach (var methodHandle in type.GetMethods())
            {
                var method = metadata.GetMethodDefinition(methodHandle);
                if (method.RelativeVirtualAddress == 0)
                {
                    continue;
                }

                var body = pe.GetMethodBody(method.RelativeVirtualAddress);
                statistics.Add(Measure($"{typeName}.{metadata.GetString(method.Name)}", metadata, body));
            }
        }

        return statistics;
    }

    private static MethodBodyStatistics Measure(string name, MetadataReader metadata, MethodBodyBlock body)
    {
        var locals = 0;
        if (!body.LocalSignature.IsNil)
        {
            var signature = metadata.GetBlobReader(metadata.GetStandaloneSignature(body.LocalSignature).Signature);
            signature.ReadByte(); // LOCAL_SIG
            locals = signature.ReadCompressedInteger();
        }

        var il = body.GetILBytes()!;
        var targets = new HashSet<int>();
        var leaders = new HashSet<int> { 0 };
        foreach (var region in body.ExceptionRegions)
        {
            leaders.Add(region.TryOffset);
            leaders.Add(region.HandlerOffset);
        }

        var instructions = 0;
        var offset = 0;
        while (offset < il.Length)
        {
            instructions++;
            ushort value = il[offset++];
            if (value == 0xFE)
            {
                value = (ushort)(0xFE00 | il[offset++]);
            }

            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.ShortInlineBrTarget:
                    targets.Add(offset + 1 + (sbyte)il[offset]);
                    offset += 1;
                    leaders.Add(offset);
                    break;
                case OperandType.InlineBrTarget:
                    targets.Add(offset + 4 + ReadInt32(il, offset));
                    offset += 4;
                    leaders.Add(offset);
                    break;
                case OperandType.InlineSwitch:
                    var count = ReadInt32(il, offset);
                    var next = offset + 4 + (4 * count);
                    for (var i = 0; i < count; i++)
                    {
                        targets.Add(next + ReadInt32(il, offset + 4 + (4 * i)));
                    }

                    offset = next;
                    leaders.Add(offset);
                    break;
                default:
                    offset += OperandSize(opCode.OperandType);
                    if (opCode.FlowControl is FlowControl.Return or FlowControl.Throw)
                    {
                        leaders.Add(offset);
                    }

                    break;
            }
        }

        leaders.UnionWith(targets);
        leaders.Remove(il.Length);
        return new MethodBodyStatistics(name, il.Length, locals, instructions, targets.Count, leaders.Count);
    }

    private static int ReadInt32(byte[] il, int offset) =>
        il[offset] | (il[offset + 1] << 8) | (il[offset + 2] << 16) | (il[offset + 3] << 24);

    private static int OperandSize(OperandType type) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };
}
