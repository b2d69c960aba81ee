using System.Diagnostics;
using System.Globalization;
using NetGen.ColdStart;

// Child: `child <N1|N3> <launch timestamp>` measures one fresh process (Child.cs).
// Parent: `[--processes n] [--env NAME=VALUE] [--label text] [-- command to launch a child]` runs n fresh children per
// network (by default this program itself, as the same build) and prints medians over the processes.
long entry = Stopwatch.GetTimestamp();
if (args.Length == 3 && args[0] == "child")
{
    Child.Run(args[1], long.Parse(args[2], CultureInfo.InvariantCulture), entry);
    return 0;
}

int processes = 11;
string label = "this build";
var environment = new List<(string, string)>();
var launch = new List<string>();
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--processes": processes = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--label": label = args[++i]; break;
        case "--env":
            string[] pair = args[++i].Split('=', 2);
            environment.Add((pair[0], pair[1]));
            break;
        case "--": launch.AddRange(args[(i + 1)..]); i = args.Length; break;
        default: Console.Error.WriteLine($"Unknown argument '{args[i]}'."); return 2;
    }
}

if (launch.Count == 0)
{
    launch.Add(Environment.ProcessPath!);
    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
    {
        launch.Add(Path.Combine(AppContext.BaseDirectory, "NetGen.ColdStart.dll"));
    }
}

Console.WriteLine(ColdStartReport.Header);
foreach (string network in new[] { "N1", "N3" })
{
    var runs = new List<long[]>();
    for (int p = 0; p < processes; p++)
    {
        runs.Add(ColdStartReport.Launch(launch, environment, network));
    }

    Console.WriteLine(ColdStartReport.Row(label, network, runs));
}

return 0;
