using Joblog.Core.Logs;
using Joblog.Web.Access;
using Joblog.Web.Api;
using Joblog.Web.Auth;
using Npgsql;

namespace Joblog.Web.Features.Logs;

public sealed record LogCountsDto(int All, int NotApplied, int Applied, int Interview, int Rejected, int Hired);

public sealed record LogListDto(IReadOnlyList<LogDto> Items, string? NextCursor, LogCountsDto Counts);

/// <summary>/api/v1/citizens/{citizenId}/logs — the same joblog the pages show, for case systems and scripts.</summary>
public static class LogsApi
{
    public static void MapLogsApi(this RouteGroupBuilder api)
    {
        var logs = api.MapGroup("/citizens/{citizenId:guid}/logs").WithTags("Logs");
        logs.MapGet("", List).Produces<LogListDto>();
        logs.MapPost("", Create).Accepts<LogDto>("application/json").Produces<LogDto>(201);
        logs.MapGet("/{logId:guid}", Get).Produces<LogDto>();
        logs.MapPut("/{logId:guid}", Replace).Accepts<LogDto>("application/json").Produces<LogDto>();
        logs.MapDelete("/{logId:guid}", Delete).Produces(204);
        logs.MapGet("/{logId:guid}/history", History).Produces<IReadOnlyList<LogVersion>>();
    }

    private static async Task<IResult> List(Guid citizenId, HttpContext http, CitizenGate gate, LogQuery query, Problems problems,
        string? q, string? status, string? kind, string? changedFrom, string? changedTo, string? includeClosed, string? limit, string? cursor)
    {
        var errors = new List<FieldError>();
        var filter = LogListParameters.Parse(q, status, kind, changedFrom, changedTo, includeClosed, errors);
        var size = LogListParameters.Limit(limit, errors);
        if (errors.Count > 0) return problems.Validation(errors);

        var access = await gate.OpenAsync(Actor.From(http.User)!, citizenId, "joblog.list", http.RequestAborted);
        if (access is null) return problems.NotFound();
        try
        {
            var page = await query.ListAsync(access, filter, size, cursor, 0, http.RequestAborted);
            var c = page.Counts;
            return TypedResults.Ok(new LogListDto(page.Items.Select(LogDto.From).ToList(), page.NextCursor,
                new LogCountsDto(c.All, c.NotApplied, c.Applied, c.Interview, c.Rejected, c.Hired)));
        }
        catch (BadCursorException)
        {
            return problems.Validation([new FieldError("cursor", "Api.Error.CursorInvalid")]);
        }
    }

    private static async Task<IResult> Get(Guid citizenId, Guid logId, HttpContext http, CitizenGate gate, LogStore store, Problems problems)
    {
        var access = await gate.OpenAsync(Actor.From(http.User)!, citizenId, "log.read", http.RequestAborted);
        var log = access is null ? null : await store.GetAsync(access, logId, http.RequestAborted);
        if (log is null) return problems.NotFound();
        http.Response.Headers.ETag = log.ETag;
        return TypedResults.Ok(LogDto.From(log));
    }

    private static async Task<IResult> History(Guid citizenId, Guid logId, HttpContext http, CitizenGate gate, LogHistory history, Problems problems)
    {
        var access = await gate.OpenAsync(Actor.From(http.User)!, citizenId, "log.history", http.RequestAborted);
        var versions = access is null ? null : await history.GetAsync(access, logId, http.RequestAborted);
        return versions is null ? problems.NotFound() : TypedResults.Ok(versions);
    }

    private static async Task<IResult> Create(Guid citizenId, HttpContext http, CitizenGate gate, LogStore store, NpgsqlDataSource db,
        TimeProvider clock, Problems problems)
    {
        var body = await JsonBody.ReadAsync<LogDto>(http.Request, http.RequestAborted);
        if (Invalid(body, problems, clock, out var content) is { } bad) return bad;

        var access = await gate.OpenForWriteAsync(Actor.From(http.User)!, citizenId, "log.write", http.RequestAborted);
        if (access is null) return problems.NotFound();
        if (!access.CanWrite) return problems.Forbidden();

        var key = http.Request.Headers["Idempotency-Key"].ToString();
        if (key.Length == 0)
        {
            var result = await store.CreateAsync(access, content!, http.RequestAborted);
            return Created(http, result.Log!, result.Json!);
        }
        return await CreateOnceAsync(http, access, store, db, problems, key, Idempotency.Hash(citizenId, body.Raw!), content!);
    }

    private static async Task<IResult> CreateOnceAsync(HttpContext http, CitizenAccess access, LogStore store, NpgsqlDataSource db,
        Problems problems, string key, byte[] hash, LogContent content)
    {
        var owner = $"{access.Actor.KindText}:{access.Actor.Id}";
        await using (var conn = await db.OpenConnectionAsync(http.RequestAborted))
        await using (var tx = await conn.BeginTransactionAsync(http.RequestAborted))
        {
            if (await Idempotency.ClaimAsync(tx, owner, key, hash))
            {
                var result = await store.CreateAsync(access, content, http.RequestAborted, tx);
                var log = result.Log!;
                await Idempotency.SaveAsync(tx, owner, key, new StoredResponse(201, LocationOf(log), log.ETag, result.Json!, hash));
                await tx.CommitAsync(http.RequestAborted);
                return Created(http, log, result.Json!);
            }
        }
        var stored = await Idempotency.FindAsync(db, owner, key);
        if (stored is null || !stored.RequestHash.SequenceEqual(hash)) return problems.IdempotencyConflict();
        if (access.PendingLook is { } look)
        {
            await using var conn = await db.OpenConnectionAsync(http.RequestAborted);
            await Dapper.SqlMapper.ExecuteAsync(conn, AccessRecord.InsertSql, look.Parameters);
        }
        if (stored.ETag is not null) http.Response.Headers.ETag = stored.ETag;
        if (stored.Location is not null) http.Response.Headers.Location = stored.Location;
        return TypedResults.Text(stored.Body, "application/json", statusCode: stored.StatusCode);
    }

    private static async Task<IResult> Replace(Guid citizenId, Guid logId, HttpContext http, CitizenGate gate, LogStore store,
        TimeProvider clock, Problems problems)
    {
        var expected = IfMatch.Version(http.Request);
        if (expected is null) return problems.PreconditionRequired();
        var body = await JsonBody.ReadAsync<LogDto>(http.Request, http.RequestAborted);
        if (Invalid(body, problems, clock, out var content) is { } bad) return bad;

        var access = await gate.OpenAsync(Actor.From(http.User)!, citizenId, "log.write", http.RequestAborted);
        if (access is null) return problems.NotFound();
        if (!access.CanWrite) return await store.GetAsync(access, logId, http.RequestAborted) is null ? problems.NotFound() : problems.Forbidden();

        var result = await store.UpdateAsync(access, logId, expected.Value, content!, http.RequestAborted);
        return result.Outcome switch
        {
            WriteOutcome.NotFound => problems.NotFound(),
            WriteOutcome.Stale => problems.Stale(),
            WriteOutcome.ClosedLog => problems.ClosedLog(),
            _ => Ok(http, result.Log!),
        };
    }

    private static async Task<IResult> Delete(Guid citizenId, Guid logId, HttpContext http, CitizenGate gate, LogStore store, Problems problems)
    {
        var expected = IfMatch.Version(http.Request);
        if (expected is null) return problems.PreconditionRequired();
        var access = await gate.OpenAsync(Actor.From(http.User)!, citizenId, "log.write", http.RequestAborted);
        if (access is null) return problems.NotFound();
        if (!access.CanWrite) return await store.GetAsync(access, logId, http.RequestAborted) is null ? problems.NotFound() : problems.Forbidden();

        var result = await store.DeleteAsync(access, logId, expected.Value, http.RequestAborted);
        return result.Outcome switch
        {
            WriteOutcome.NotFound => problems.NotFound(),
            WriteOutcome.Stale => problems.Stale(),
            _ => TypedResults.NoContent(),
        };
    }

    private static IResult? Invalid(BodyResult<LogDto> body, Problems problems, TimeProvider clock, out LogContent? content)
    {
        content = null;
        if (body.WrongContentType) return problems.UnsupportedMediaType();
        if (body.NotJson) return problems.BadRequest("Api.Problem.NotJson");
        if (body.FieldError is { } fe) return problems.Validation([fe]);
        content = body.Value!.ToContent();
        if (content is null) return problems.Validation([new FieldError("kind", "Log.Error.KindRequired")]);
        var errors = LogRules.Validate(content, clock.Today());
        return errors.Count > 0 ? problems.Validation(errors) : null;
    }

    private static string LocationOf(Log log) => $"/api/v1/citizens/{log.CitizenId}/logs/{log.Id}";

    /// <summary>201 with the version just stored, as stored (serialized once).</summary>
    private static IResult Created(HttpContext http, Log log, string json)
    {
        http.Response.Headers.ETag = log.ETag;
        http.Response.Headers.Location = LocationOf(log);
        return TypedResults.Text(json, "application/json", statusCode: StatusCodes.Status201Created);
    }

    private static IResult Ok(HttpContext http, Log log)
    {
        http.Response.Headers.ETag = log.ETag;
        return TypedResults.Ok(LogDto.From(log));
    }
}
