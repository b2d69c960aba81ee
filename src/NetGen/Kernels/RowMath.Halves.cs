using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

// The one step that changes width, so it cannot come from the 128-bit template: a wide accumulator folded into
// the next narrower vector before the horizontal sums.
public static partial class RowMath512
{
    /// <summary>The lower half of <paramref name="value"/> plus its upper half.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector256<float> AddHalves(Vector512<float> value) => value.GetLower() + value.GetUpper();
}

public static partial class RowMath256
{
    /// <summary>The lower half of <paramref name="value"/> plus its upper half.</summary>
    [MethodImpl(KernelMethodImpl.Entry)]
    public static Vector128<float> AddHalves(Vector256<float> value) => value.GetLower() + value.GetUpper();
}
