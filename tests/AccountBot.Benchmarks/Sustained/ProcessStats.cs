using System.Globalization;

namespace AccountBot.Benchmarks.Sustained;

/// <summary>CPU and memory readings from /proc: one process, a process and its children, the whole machine.</summary>
internal static class ProcessStats
{
    /// <summary>Resident memory (VmRSS) of <paramref name="pid"/>, in MB.</summary>
    public static long RssMegabytes(int pid)
    {
        var rss = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(rss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    /// <summary>User + system CPU time of <paramref name="pid"/> so far, in ms (0 once it has gone).</summary>
    public static double CpuMilliseconds(int pid)
    {
        var fields = StatFields(pid);
        return fields is null ? 0 : (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
    }

    /// <summary><paramref name="pid"/> and its direct children (a PostgreSQL server and its backends).</summary>
    public static IReadOnlyList<int> WithChildren(int pid)
    {
        var result = new List<int> { pid };
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var child)
                && StatFields(child) is { } fields && fields[1] == pid.ToString(CultureInfo.InvariantCulture))
                result.Add(child);
        }

        return result;
    }

    /// <summary>Busy and total jiffies of every core together (the first line of /proc/stat).</summary>
    public static (long Busy, long Total) Machine()
    {
        var values = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var total = values.Sum();
        return (total - values[3] - values[4], total);
    }

    // The fields after "pid (comm) ": state is [0], ppid [1], utime [11], stime [12].
    private static string[]? StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
