using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace NetGen.Benchmarks;

/// <summary>Finds the <see cref="Work"/> of any benchmark method of this assembly by its type and name (none for latency probes).</summary>
public static class WorkCatalog
{
    private static readonly ConcurrentDictionary<Type, Shape> s_shapes = new();

    public static Work Of(Type type, string method)
    {
        if (type == typeof(Limits))
        {
            return Limits.WorkOf(method);
        }

        if (!typeof(NetworkBenchmarks).IsAssignableFrom(type))
        {
            return default; // ActivationLatency: a latency, not a rate
        }

        Shape shape = s_shapes.GetOrAdd(type, t => ((NetworkBenchmarks)Activator.CreateInstance(t)!).Shape);
        return Work.Of(shape, CategoryOf(type, method));
    }

    public static string CategoryOf(Type type, string method)
    {
        MethodInfo info = type.GetMethod(method, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new ArgumentException($"{type.Name} has no benchmark method {method}.", nameof(method));
        return info.GetCustomAttribute<BenchmarkCategoryAttribute>()?.Categories[0]
            ?? throw new ArgumentException($"{type.Name}.{method} has no category.", nameof(method));
    }
}

/// <summary>
/// BenchmarkDotNet columns for the work of a call: FLOPs and compulsory bytes (<see cref="Work"/>), and the rates
/// they give at the median time — GFLOP/s and GB/s.
/// </summary>
public sealed class WorkColumn : IColumn
{
    public static readonly WorkColumn Flops = new("FLOP/op", "Floating-point operations per call (a multiply-add is 2)", w => w.Flops, perSecond: false);
    public static readonly WorkColumn Bytes = new("Bytes/op", "Compulsory memory traffic per call: parameters, inputs, outputs", w => w.Bytes, perSecond: false);
    public static readonly WorkColumn GigaflopsPerSecond = new("GFLOP/s", "FLOP/op at the median time", w => w.Flops, perSecond: true);
    public static readonly WorkColumn GigabytesPerSecond = new("GB/s", "Bytes/op at the median time", w => w.Bytes, perSecond: true);

    private readonly Func<Work, double> _select;
    private readonly bool _perSecond;

    private WorkColumn(string name, string legend, Func<Work, double> select, bool perSecond)
    {
        ColumnName = name;
        Legend = legend;
        _select = select;
        _perSecond = perSecond;
    }

    public string Id => nameof(WorkColumn) + "." + ColumnName;
    public string ColumnName { get; }
    public string Legend { get; }
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var descriptor = benchmarkCase.Descriptor;
        double amount = _select(WorkCatalog.Of(descriptor.Type, descriptor.WorkloadMethod.Name));
        if (amount == 0)
        {
            return "-";
        }

        if (!_perSecond)
        {
            return amount.ToString("N0", CultureInfo.InvariantCulture);
        }

        double? nanoseconds = summary[benchmarkCase]?.ResultStatistics?.Median;
        return nanoseconds is > 0 ? (amount / nanoseconds.Value).ToString("F2", CultureInfo.InvariantCulture) : "?";
    }
}
