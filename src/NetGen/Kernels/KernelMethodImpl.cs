using System.Runtime.CompilerServices;

namespace NetGen.Kernels;

/// <summary>How the runtime kernels that generated code calls are compiled.</summary>
internal static class KernelMethodImpl
{
    /// <summary>
    /// Inlined into optimised callers, and compiled optimised at once when the caller is still tier-0 code: until
    /// tiered compilation promotes a network's generated kernels, they call these helpers instead of inlining them,
    /// and a tier-0 helper makes every vector operation a call of its own. ReadyToRun does not precompile these
    /// methods, but a composite image inlines them into the generated kernels it does precompile, so its first
    /// <c>Forward</c> compiles nothing.
    /// </summary>
    public const MethodImplOptions Entry = MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization;
}
