using Dapper;
using Npgsql;

namespace Joblog.Web.World;

/// <summary>
/// The keys, indexes and foreign keys of the tables a bulk load fills, captured from the catalog (so a new migration's
/// index is handled without changing this file), dropped before the load and built again after it.
/// </summary>
internal sealed class BulkSchema
{
    private BulkSchema(List<Item> keys, List<Item> indexes, List<Item> foreignKeys) =>
        (Keys, Indexes, ForeignKeys) = (keys, indexes, foreignKeys);

    /// <summary>A constraint or index: its table, name and definition (<c>pg_get_constraintdef</c> / <c>pg_get_indexdef</c>).</summary>
    public sealed record Item(string Table, string Name, string Kind, string Definition, string? IndexDefinition);

    /// <summary>Primary keys and unique constraints of the tables.</summary>
    public IReadOnlyList<Item> Keys { get; }

    /// <summary>Indexes that back no constraint.</summary>
    public IReadOnlyList<Item> Indexes { get; }

    /// <summary>Foreign keys from or to the tables (a table that refers to citizens must let go of it too).</summary>
    public IReadOnlyList<Item> ForeignKeys { get; }

    public static async Task<BulkSchema> CaptureAsync(NpgsqlConnection connection, IReadOnlyList<string> tables, CancellationToken ct)
    {
        var names = tables.ToArray();
        var constraints = (await connection.QueryAsync<Item>(new CommandDefinition("""
            select c.conrelid::regclass::text as table, quote_ident(c.conname) as name, c.contype::text as kind,
                   pg_get_constraintdef(c.oid) as definition,
                   case when c.contype in ('p', 'u') then pg_get_indexdef(c.conindid) end as indexdefinition
            from pg_constraint c
            where (c.contype in ('p', 'u') and c.conrelid = any(@names::regclass[]))
               or (c.contype = 'f' and (c.conrelid = any(@names::regclass[]) or c.confrelid = any(@names::regclass[])))
            order by 1, 2
            """, new { names }, cancellationToken: ct))).ToList();
        var indexes = (await connection.QueryAsync<Item>(new CommandDefinition("""
            select i.indrelid::regclass::text as table, i.indexrelid::regclass::text as name, 'i' as kind,
                   pg_get_indexdef(i.indexrelid) as definition, null::text as indexdefinition
            from pg_index i
            where i.indrelid = any(@names::regclass[])
              and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.contype in ('p', 'u', 'x'))
            order by 1, 2
            """, new { names }, cancellationToken: ct))).ToList();
        return new BulkSchema(constraints.Where(c => c.Kind != "f").ToList(), indexes, constraints.Where(c => c.Kind == "f").ToList());
    }

    public async Task DropAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        foreach (var fk in ForeignKeys) await ExecuteAsync(connection, $"alter table {fk.Table} drop constraint {fk.Name}", ct);
        foreach (var key in Keys) await ExecuteAsync(connection, $"alter table {key.Table} drop constraint {key.Name}", ct);
        foreach (var index in Indexes) await ExecuteAsync(connection, $"drop index {index.Name}", ct);
    }

    /// <summary>
    /// The statements that build everything again, in phases that run in order. The statements of a parallel phase
    /// may run at the same time: index builds share their table's lock, and validating a foreign key locks only the
    /// table it is on. Attaching keys and adding foreign keys (unvalidated, so instant) lock more and run one by one.
    /// </summary>
    public IReadOnlyList<(string Name, bool Parallel, IReadOnlyList<Statement> Statements)> RecreatePhases() =>
    [
        ("indexes", true, Keys.Select(k => new Statement($"index {k.Name}", k.Table, k.IndexDefinition!))
            .Concat(Indexes.Select(i => new Statement($"index {i.Name}", i.Table, i.Definition))).ToList()),
        ("keys", false, Keys.Select(k => new Statement($"key {k.Name}", k.Table,
            $"alter table {k.Table} add constraint {k.Name} {(k.Kind == "p" ? "primary key" : "unique")} using index {k.Name}")).ToList()),
        ("foreign keys", false, ForeignKeys.Select(f => new Statement($"foreign key {f.Name}", f.Table,
            $"alter table {f.Table} add constraint {f.Name} {f.Definition} not valid")).ToList()),
        ("foreign key checks", true, ForeignKeys.Select(f => new Statement($"check {f.Name}", f.Table, $"alter table {f.Table} validate constraint {f.Name}")).ToList()),
    ];

    public sealed record Statement(string Label, string Table, string Sql);

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }
}
