using System.Globalization;

namespace Joblog.Web.World;

/// <summary>The command line of <c>generate-world</c>.</summary>
public sealed record WorldOptions(int Citizens, long? Logs, string Database, ulong Seed, DateOnly? Today, bool Replace, bool Versions)
{
    public const string DefaultDatabase = "joblog_world";

    public WorldSpec Spec(DateOnly today) => new()
    {
        Citizens = Citizens, Logs = Logs, Seed = Seed, Today = Today ?? today, Versions = Versions,
    };

    /// <summary>The options, or null when the arguments are wrong (the caller prints the usage).</summary>
    public static WorldOptions? Parse(IReadOnlyList<string> args)
    {
        var options = new WorldOptions(300_000, 30_000_000, DefaultDatabase, 1, null, false, false);
        for (var i = 0; i < args.Count; i++)
        {
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            var inv = CultureInfo.InvariantCulture;
            switch (args[i])
            {
                case "--citizens" when int.TryParse(Value(), inv, out var n) && n > 0: options = options with { Citizens = n }; break;
                case "--logs" when long.TryParse(Value(), inv, out var n) && n >= 0: options = options with { Logs = n }; break;
                case "--seed" when ulong.TryParse(Value(), inv, out var n): options = options with { Seed = n }; break;
                case "--today" when DateOnly.TryParseExact(Value(), "yyyy-MM-dd", inv, DateTimeStyles.None, out var d): options = options with { Today = d }; break;
                case "--database" when Value() is { Length: > 0 and < 64 } name && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'):
                    options = options with { Database = name };
                    break;
                case "--replace": options = options with { Replace = true }; break;
                case "--versions": options = options with { Versions = true }; break;
                default: return null;
            }
        }
        return options;
    }
}
