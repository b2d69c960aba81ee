using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace NetGen.Benchmarks.Reporting;

/// <summary>
/// The probe's rates (GFLOP/s, GB/s) from one run's <see cref="Limits"/> measurements, and the share of a cell's
/// limit that a measured time reaches. Cache sizes are this machine's (Linux sysfs; 32 KiB L1 and 1 MiB L2 elsewhere).
/// </summary>
public sealed record MachineLimits(double Fma512, double Fma256, double L2, double L3, long L1CacheBytes, long L2CacheBytes)
{
    /// <summary>Without hardware support Vector512 runs as software, far below the Vector256 rate.</summary>
    public bool Vector512Accelerated => Fma512 >= Fma256 * 0.8;

    public double FmaPeak => Math.Max(Fma512, Fma256);

    public static MachineLimits From(IReadOnlyList<Measurement> measurements)
    {
        double Rate(string method)
        {
            var m = measurements.FirstOrDefault(x => x.Type == nameof(Limits) && x.Method == method)
                ?? throw new InvalidOperationException($"The results have no Limits.{method}: run the probe with the networks (--filter '*').");
            var work = Limits.WorkOf(method);
            return (work.Flops + work.Bytes) / m.MedianNanoseconds;
        }

        return new MachineLimits(
            Rate(nameof(Limits.FmaPeak512)), Rate(nameof(Limits.FmaPeak256)),
            Rate(nameof(Limits.ReadL2)), Rate(nameof(Limits.ReadL3)),
            CacheSize(level: 1, fallback: 32 * 1024), CacheSize(level: 2, fallback: 1024 * 1024));
    }

    /// <summary>
    /// "87 % of the L2 floor", "71 % of the FMA peak": whichever limit is the larger time for the cell. Parameters that
    /// fit L1 set no bandwidth floor (L1 serves two loads a cycle); only the FMA peak is counted for them.
    /// </summary>
    public string Share(Shape shape, string category, Measurement measurement)
    {
        var work = Work.Of(shape, category);
        long parameterBytes = 4L * shape.ParameterCount;
        double computeNs = work.Flops / FmaPeak;
        (double memoryNs, string level) = parameterBytes <= L1CacheBytes ? (0, "")
            : parameterBytes <= L2CacheBytes ? (work.Bytes / L2, "L2")
            : (work.Bytes / L3, "L3");
        string limit = computeNs >= memoryNs ? "FMA peak" : $"{level} floor";
        double share = Math.Max(computeNs, memoryNs) / measurement.MedianNanoseconds;
        return string.Create(CultureInfo.InvariantCulture, $"{share * 100:F0} % of the {limit}");
    }

    /// <summary>The size of CPU 0's data or unified cache of a level, from Linux's sysfs.</summary>
    private static long CacheSize(int level, long fallback)
    {
        try
        {
            for (int index = 0; index < 8; index++)
            {
                string folder = $"/sys/devices/system/cpu/cpu0/cache/index{index}";
                if (!File.Exists($"{folder}/level") || File.ReadAllText($"{folder}/level").Trim() != level.ToString(CultureInfo.InvariantCulture)
                    || File.ReadAllText($"{folder}/type").Trim() == "Instruction")
                {
                    continue;
                }

                string size = File.ReadAllText($"{folder}/size").Trim();
                long multiplier = size.EndsWith('K') ? 1024 : size.EndsWith('M') ? 1024 * 1024 : 1;
                return long.Parse(size.TrimEnd('K', 'M'), CultureInfo.InvariantCulture) * multiplier;
            }
        }
        catch (IOException)
        {
        }

        return fallback;
    }
}
