using System;
using System.Linq;
using System.Reflection;
using NetGen.Kernels;

namespace NetGen.Tests.Kernels;

public class GuardTests
{
    private const byte Throw = 0x7A;

    /// <summary>
    /// Every Throw… method is a call and a throw: the JIT then knows the call never returns and keeps it out of the
    /// caller's hot path. A Throw… method that formats its message in its own body may be inlined into the caller,
    /// whose prologue then pays for the formatter on every call.
    /// </summary>
    [Fact]
    public void ThrowMethodsOnlyCallAndThrow()
    {
        var throwers = typeof(Guard).GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(m => m.Name.StartsWith("Throw", StringComparison.Ordinal))
            .ToArray();

        Assert.Equal(3, throwers.Length);
        foreach (var method in throwers)
        {
            var il = method.GetMethodBody()!.GetILAsByteArray()!;
            Assert.True(il.Length <= 16 && il[^1] == Throw, $"{method.Name} has {il.Length} bytes of IL ending in 0x{il[^1]:X2}.");
        }
    }

    [Fact]
    public void CheckForwardNamesTheSpanOfTheWrongLength()
    {
        var input = Assert.Throws<ArgumentException>(() => Guard.CheckForward(new float[3], new float[2], 4, 2));
        Assert.Equal("input", input.ParamName);
        Assert.StartsWith("input has 3 values, but the network expects 4 inputs.", input.Message, StringComparison.Ordinal);

        var output = Assert.Throws<ArgumentException>(() => Guard.CheckForward(new float[4], new float[3], 4, 2));
        Assert.Equal("output", output.ParamName);
        Assert.StartsWith("output has 3 values, but the network expects 2 outputs.", output.Message, StringComparison.Ordinal);

        Guard.CheckForward(new float[4], new float[2], 4, 2);
    }

    [Fact]
    public void CheckForwardRowsNamesTheRows()
    {
        var rows = Assert.Throws<ArgumentException>(() => Guard.CheckForwardRows(new float[8], new float[3], 4, 2));
        Assert.Equal("outputs", rows.ParamName);
        Assert.StartsWith("outputs has 3 values, but the network expects 4 outputs for 2 rows.", rows.Message, StringComparison.Ordinal);

        var partial = Assert.Throws<ArgumentException>(() => Guard.CheckForwardRows(new float[6], new float[2], 4, 2));
        Assert.StartsWith("inputs has 6 values, which is not a whole number of rows of 4 inputs.", partial.Message, StringComparison.Ordinal);

        Assert.Equal(2, Guard.CheckForwardRows(new float[8], new float[4], 4, 2));
    }
}
