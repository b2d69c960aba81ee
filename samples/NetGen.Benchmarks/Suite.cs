using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace NetGen.Benchmarks;

/// <summary>The suite's benchmark classes and their methods as plain delegates, for the modes that run them in-process.</summary>
internal static class Suite
{
    public static readonly Type[] Types =
        [typeof(Limits), typeof(ActivationLatency), typeof(N1Benchmarks), typeof(N2Benchmarks), typeof(N3Benchmarks), typeof(N4Benchmarks), typeof(D16Benchmarks)];

    /// <summary>A benchmark method bound to a set-up instance of its class.</summary>
    public sealed record Method(Type Type, object Instance, string Name, string Category, Action Call);

    /// <summary>Creates the class, runs its checks (GlobalSetup) and returns its methods, ordered by category.</summary>
    public static List<Method> Prepare(Type type)
    {
        object instance = Activator.CreateInstance(type)!;
        if (instance is NetworkBenchmarks network)
        {
            network.Setup();
        }

        var methods = new List<Method>();
        foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance))
        {
            if (method.GetCustomAttribute<BenchmarkAttribute>() is null)
            {
                continue;
            }

            Action call = method.ReturnType == typeof(void) ? (Action)method.CreateDelegate(typeof(Action), instance)
                : method.ReturnType == typeof(float) ? Discard((Func<float>)method.CreateDelegate(typeof(Func<float>), instance))
                : throw new InvalidOperationException($"{type.Name}.{method.Name} returns {method.ReturnType.Name}; benchmarks return void or float.");
            methods.Add(new Method(type, instance, method.Name, WorkCatalog.CategoryOf(type, method.Name), call));
        }

        return methods.OrderBy(m => m.Category, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal).ToList();
    }

    public static void Cleanup(List<Method> methods)
    {
        // The ONNX Runtime sessions hold native memory; the process ends soon, but each class's is freed before the next.
        if (methods.Count > 0 && methods[0].Instance is NetworkBenchmarks network)
        {
            network.Cleanup();
        }
    }

    private static Action Discard(Func<float> f) => () => f();
}
