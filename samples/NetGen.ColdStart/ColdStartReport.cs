using System.Diagnostics;
using System.Globalization;

namespace NetGen.ColdStart;

/// <summary>Launches the children and summarises their lines as medians over the processes.</summary>
internal static class ColdStartReport
{
    private static readonly int[] s_shownCalls = [2, 3, 5, 10, 30, 50, 100, 200];

    public static string Header =>
        "| build | network | Main after launch | construction | first Forward | construction + first | least construction + first | "
        + string.Join(" | ", s_shownCalls.Select(c => $"call {c}")) + " | steady | worst of calls 2–200 | last call > 2× steady |"
        + " JIT in construction | JIT in first Forward | JIT in call 2 |"
        + Environment.NewLine + "| --- | --- |" + string.Concat(Enumerable.Repeat(" ---: |", 11 + s_shownCalls.Length));

    public static long[] Launch(IReadOnlyList<string> command, IReadOnlyList<(string Name, string Value)> environment, string network)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in command.Skip(1)) start.ArgumentList.Add(argument);
        start.ArgumentList.Add("child");
        start.ArgumentList.Add(network);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        start.ArgumentList.Add(Stopwatch.GetTimestamp().ToString(CultureInfo.InvariantCulture));
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The child for {network} exited with {process.ExitCode}: {errors}");
        }

        return output.Trim().Split(' ').Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>
    /// One table row. A child's line: [0] launch → Main, [1] construction, [2] first Forward, [3…] calls 2…200, the
    /// steady state, then for the construction, the first call and the second the number of methods the JIT compiled
    /// and its time. Each column is the median over the processes; the call profile takes the median per call. One
    /// column takes the least construction + first call instead: on a shared machine other work preempts some
    /// processes, and the least of them is nearer what the process alone costs.
    /// </summary>
    public static string Row(string label, string network, List<long[]> runs)
    {
        double Median(Func<long[], double> select)
        {
            var values = runs.Select(select).Order().ToArray();
            return values.Length % 2 == 1 ? values[values.Length / 2] : (values[values.Length / 2 - 1] + values[values.Length / 2]) / 2;
        }

        const int steadyIndex = Child.Calls + 2;
        double steady = Median(r => r[steadyIndex]);
        double CallMedian(int call) => Median(r => r[call + 1]); // call 2 sits at index 3
        double worst = Enumerable.Range(2, Child.Calls - 1).Max(CallMedian);
        int lastSlow = Enumerable.Range(2, Child.Calls - 1).LastOrDefault(c => CallMedian(c) > 2 * steady);
        var cells = new List<string>
        {
            label, network,
            Time(Median(r => r[0])), Time(Median(r => r[1])), Time(Median(r => r[2])), Time(Median(r => r[1] + r[2])),
            Time(runs.Min(r => r[1] + r[2])),
        };
        cells.AddRange(s_shownCalls.Select(c => Time(CallMedian(c))));
        cells.Add(Time(steady));
        cells.Add(string.Create(CultureInfo.InvariantCulture, $"{Time(worst)} ({worst / steady:F1}×)"));
        cells.Add(lastSlow == 0 ? "none" : $"call {lastSlow}");
        for (int phase = 0; phase < 3; phase++)
        {
            int methods = steadyIndex + 1 + 2 * phase;
            cells.Add(string.Create(CultureInfo.InvariantCulture, $"{Median(r => r[methods]):F0} in {Time(Median(r => r[methods + 1]))}"));
        }

        return "| " + string.Join(" | ", cells) + " |";
    }

    private static string Time(double nanoseconds) => nanoseconds switch
    {
        < 1_000 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds:F0} ns"),
        < 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1_000:F1} µs"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1_000_000:F2} ms"),
    };
}
