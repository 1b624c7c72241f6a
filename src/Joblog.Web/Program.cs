using Joblog.Web;
using Joblog.Web.Auth;
using Joblog.Web.Database;
using Joblog.Web.Features;
using Joblog.Web.Features.Notices;
using Joblog.Web.Features.Statistics;
using Joblog.Web.Localization;
using Joblog.Web.ReferenceData;
using Joblog.Web.World;

// Commands of the app (see README): they work on the database and exit; no web host is built.
if (args is ["generate-world", ..]) return await WorldCommand.RunAsync(args[1..]);
if (args is [ReferenceDataCommand.Name, .. var files])
    return await ReferenceDataCommand.RunAsync(files, CommandDatabase.Configuration([]), Console.Out);
if (args is [SweepCommand.Name, ..]) return await SweepCommand.RunAsync(args[1..]);
if (args is [StatisticsCommand.Name, ..]) return await StatisticsCommand.RunAsync(args[1..]);

var builder = WebApplication.CreateBuilder(args);

await builder.AddJoblogDatabaseAsync();
builder.Services.AddJoblogLocalization();
builder.AddJoblogAuth();
builder.AddJoblogFeatures();

var app = builder.Build();

await app.MigrateJoblogDatabaseAsync();
await app.LoadDemoWorldIfDemoModeAsync();

app.UseJoblogPipeline();
app.MapJoblogFeatures();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host the app.</summary>
public partial class Program;
