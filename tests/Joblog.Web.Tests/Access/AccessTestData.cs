using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Joblog.Web.Access;
using Joblog.Web.Tests.Infrastructure;

namespace Joblog.Web.Tests.Access;

internal static class AccessTestData
{
    public const string Akasse01Key = "demo-ak-01-system-key";

    public static Task<long> CountLooksAsync(this PostgresConnection db, string persona) =>
        db.ScalarAsync<long>("select count(*) from access_log where citizen_id = @id", new { id = Clients.CitizenId(persona) });

    /// <summary>The citizen's newest log (title and id), read by the citizen (which writes no access record).</summary>
    public static async Task<(Guid Id, string Title)> NewestLogAsync(this HttpClient owner, string persona)
    {
        var list = await owner.GetFromJsonAsync<JsonElement>(Clients.LogsUrl(persona) + "?limit=1");
        var log = list.GetProperty("items")[0];
        return (log.GetProperty("id").GetGuid(), log.GetProperty("jobTitle").GetString()!);
    }

    /// <summary>How the page writes a time: Danish date and time in Copenhagen.</summary>
    public static string DanishWhen(DateTimeOffset at) =>
        DanishClock.Local(at).ToString("d. MMMM yyyy 'kl.' HH.mm", CultureInfo.GetCultureInfo("da-DK"));
}
