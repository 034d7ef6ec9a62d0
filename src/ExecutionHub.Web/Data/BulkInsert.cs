using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ExecutionHub.Web.Data;

/// <summary>
/// Writes many new rows of one entity type with multi-row INSERTs, each statement prepared once and
/// reused, inside the caller's transaction: what a ledger import needs, where EF's change tracking and
/// one INSERT per row held the write lock for seconds. The SQL is the provider's own (its quoting and
/// parameter names) and plain (INSERT … VALUES …, RETURNING only for generated keys, which SQLite and
/// PostgreSQL both have); table, columns, value converters, store defaults and JSON-mapped owned types are
/// read from EF's model, so the statement follows the mapping and a mapping it cannot write is refused
/// when the writer is made, not written wrong.
/// </summary>
/// <remarks>
/// Nothing is tracked and no save runs: no interceptor, no domain event taken, no version bumped, no
/// relationship fixed up. The caller sets foreign keys itself and does what a save would have done for it.
/// </remarks>
internal sealed class BulkInsert<T> : IAsyncDisposable
    where T : class
{
    /// <summary>
    /// Bound values per statement, far under SQLite's limit (32,766) and PostgreSQL's (65,535): Microsoft.Data.Sqlite
    /// binds each value by its name, which SQLite finds by walking the statement's names, so a value costs in
    /// proportion to the statement's size. Measured on 5,000 ledger rows (CPU of the matters' inserts): about 120
    /// values a statement cost half what 1,000 did and less than 250 or 60.
    /// </summary>
    public const int ParametersPerStatement = 120;

    private readonly AppDbContext db;
    private readonly ISqlGenerationHelper sql;
    private readonly string table;
    private readonly IReadOnlyList<Column> columns;
    private readonly IProperty? generatedKey;
    private readonly IReadOnlyList<IProperty> identity;
    private readonly IReadOnlyList<(Func<T, object?> Value, ValueConverter? Converter)> identityValues;
    private readonly string[] parameterNames;
    private readonly int rowsPerStatement;
    private readonly Dictionary<int, DbCommand> commands = [];

    /// <param name="identifiedBy">
    /// When the table's key is generated and the caller needs it: the properties whose values tell the new rows
    /// apart (a unique reference, say). The database returns each new key with them (RETURNING promises no
    /// order to rely on), and it is set on the entity. Empty: the keys are left to the database, unread.
    /// </param>
    public BulkInsert(AppDbContext db, IReadOnlyList<string> identifiedBy)
    {
        this.db = db;
        sql = db.GetService<ISqlGenerationHelper>();
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new NotSupportedException($"{typeof(T).Name} is not mapped");
        if (entityType.GetTableName() is not { } tableName || entityType.BaseType is not null || entityType.GetDerivedTypes().Any() || entityType.GetComplexProperties().Any())
        {
            throw new NotSupportedException($"{typeof(T).Name}: only an entity of its own table, without inheritance or complex properties, is written in bulk");
        }

        var storeObject = StoreObjectIdentifier.Table(tableName, entityType.GetSchema());
        table = sql.DelimitIdentifier(tableName, entityType.GetSchema());
        generatedKey = entityType.FindPrimaryKey() is { Properties: [{ ValueGenerated: ValueGenerated.OnAdd } key] } ? key : null;
        identity = identifiedBy.Select(name => entityType.FindProperty(name) ?? throw new NotSupportedException($"{typeof(T).Name}.{name} is not mapped")).ToList();
        if (generatedKey is null && identity.Count > 0)
        {
            throw new NotSupportedException($"{typeof(T).Name}'s key is not generated: there is no key to read back");
        }

        var all = new List<Column>();
        foreach (var property in entityType.GetProperties())
        {
            if (property == generatedKey || property.GetComputedColumnSql() is not null)
            {
                continue;
            }

            if (property.IsShadowProperty() || property.GetDefaultValueSql() is not null)
            {
                throw new NotSupportedException($"{typeof(T).Name}.{property.Name}: a shadow property or a SQL default is not written in bulk");
            }

            all.Add(new Column(sql.DelimitIdentifier(property.GetColumnName(storeObject)!), property.GetRelationalTypeMapping(), StoredValue(property)));
        }

        foreach (var navigation in entityType.GetNavigations().Where(n => n.ForeignKey.IsOwnership && n.IsOnDependent == false))
        {
            var owned = navigation.TargetEntityType;
            if (!owned.IsMappedToJson() || navigation.IsCollection || owned.GetNavigations().Any() || owned.GetComplexProperties().Any())
            {
                throw new NotSupportedException($"{typeof(T).Name}.{navigation.Name}: only a single owned type mapped to a JSON column of plain properties is written in bulk");
            }

            var column = db.Model.GetRelationalModel().FindTable(tableName, entityType.GetSchema())!.FindColumn(owned.GetContainerColumnName()!)!;
            var getter = navigation.GetGetter();
            var json = Json(owned);
            all.Add(new Column(sql.DelimitIdentifier(column.Name), column.StoreTypeMapping, entity => json(getter.GetClrValue(entity))));
        }

        columns = all;
        identityValues = [.. identity.Select(p => (StoredValue(p), p.GetTypeMapping().Converter))];
        rowsPerStatement = Math.Max(1, ParametersPerStatement / columns.Count);
        parameterNames = [.. Enumerable.Range(0, rowsPerStatement * columns.Count).Select(i => "p" + i.ToString(CultureInfo.InvariantCulture))];
    }

    /// <summary>Inserts <paramref name="rows"/> in the caller's transaction; a generated key is set on each.</summary>
    public async Task InsertAsync(IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk insert runs inside the caller's transaction: all of it is written, or none");
        var byIdentity = generatedKey is null || identity.Count == 0 ? null : new Dictionary<string, T>(rows.Count, StringComparer.Ordinal);
        foreach (var chunk in rows.Chunk(rowsPerStatement))
        {
            var (command, isNew) = Command(chunk.Length, transaction);
            var values = command.Parameters;
            var index = 0;
            foreach (var row in chunk)
            {
                foreach (var column in columns)
                {
                    // A prepared statement keeps its parameters and takes new values: Npgsql runs a prepared command with the
                    // parameters it was prepared with, so parameters replaced after preparing would write the first chunk again.
                    if (isNew)
                    {
                        values.Add(column.Mapping.CreateParameter(command, sql.GenerateParameterName(parameterNames[index]), column.Value(row)));
                    }
                    else
                    {
                        values[index].Value = column.Mapping.Converter is { } converter ? converter.ConvertToProvider(column.Value(row)) ?? DBNull.Value : column.Value(row) ?? DBNull.Value;
                    }

                    index++;
                }

                byIdentity?.Add(IdentityOf(identityValues.Count, i => identityValues[i].Converter is { } converter ? converter.ConvertToProvider(identityValues[i].Value(row)) : identityValues[i].Value(row)), row);
            }

            if (isNew)
            {
                await command.PrepareAsync(cancellationToken);
            }

            if (byIdentity is null)
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
                continue;
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = byIdentity[IdentityOf(identityValues.Count, i => reader.GetValue(i + 1))];
                generatedKey!.PropertyInfo!.SetValue(row, Convert.ChangeType(reader.GetValue(0), generatedKey.ClrType, CultureInfo.InvariantCulture));
            }
        }

        if (byIdentity is not null && rows.Any(r => Equals(generatedKey!.GetGetter().GetClrValue(r), generatedKey.Sentinel)))
        {
            throw new InvalidOperationException($"{typeof(T).Name}: the database returned no key for a row written");
        }
    }

    /// <summary>The statement for <paramref name="count"/> rows, prepared on first use and kept: a full chunk's, and the last, shorter one's.</summary>
    private (DbCommand Command, bool IsNew) Command(int count, DbTransaction transaction)
    {
        if (commands.TryGetValue(count, out var prepared))
        {
            return (prepared, false);
        }

        var text = new StringBuilder("INSERT INTO ").Append(table).Append(" (").AppendJoin(", ", columns.Select(c => c.Name)).Append(") VALUES ");
        var index = 0;
        for (var row = 0; row < count; row++)
        {
            text.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < columns.Count; column++, index++)
            {
                text.Append(column == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(parameterNames[index]));
            }

            text.Append(')');
        }

        if (generatedKey is not null && identity.Count > 0)
        {
            text.Append(" RETURNING ").AppendJoin(", ", new[] { generatedKey }.Concat(identity).Select(p => sql.DelimitIdentifier(p.GetColumnName())));
        }

        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = text.Append(sql.StatementTerminator).ToString();
        command.Transaction = transaction;
        command.CommandTimeout = db.Database.GetCommandTimeout() ?? command.CommandTimeout;
        commands[count] = command;
        return (command, true);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in commands.Values)
        {
            await command.DisposeAsync();
        }
    }

    /// <summary>What EF would store: the property's value, or its store default where a save would leave the column out (the value is the sentinel).</summary>
    private static Func<T, object?> StoredValue(IProperty property)
    {
        var getter = property.GetGetter();
        if (property.GetDefaultValue() is not { } fallback)
        {
            return getter.GetClrValue;
        }

        var sentinel = property.Sentinel;
        return entity => getter.GetClrValue(entity) is var value && Equals(value, sentinel) ? fallback : value;
    }

    /// <summary>An owned type's JSON as EF writes it: each property under its JSON name, nulls included, through its JSON reader-writer.</summary>
    private static Func<object?, string?> Json(IEntityType owned)
    {
        var properties = owned.GetProperties().Where(p => p.GetJsonPropertyName() is not null)
            .Select(p => (Name: JsonEncodedText.Encode(p.GetJsonPropertyName()!), Getter: p.GetGetter(), Writer: (p.GetJsonValueReaderWriter() ?? p.GetTypeMapping().JsonValueReaderWriter)!))
            .ToList();
        return value =>
        {
            if (value is null)
            {
                return null;
            }

            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                foreach (var (name, getter, jsonWriter) in properties)
                {
                    writer.WritePropertyName(name);
                    if (getter.GetClrValue(value) is { } propertyValue)
                    {
                        jsonWriter.ToJson(writer, propertyValue);
                    }
                    else
                    {
                        writer.WriteNullValue();
                    }
                }

                writer.WriteEndObject();
            }

            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        };
    }

    /// <summary>The identifying values as stored, as one text: alike whether they come from the entity or back from the database (an int may return as a long).</summary>
    private static string IdentityOf(int count, Func<int, object?> value)
    {
        if (count == 1)
        {
            return Convert.ToString(value(0), CultureInfo.InvariantCulture) ?? "";
        }

        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append(i == 0 ? "" : "\u001f").Append(Convert.ToString(value(i), CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private sealed record Column(string Name, RelationalTypeMapping Mapping, Func<T, object?> Value);
}
