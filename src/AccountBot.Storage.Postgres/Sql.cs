using Npgsql;
using NpgsqlTypes;

namespace AccountBot.Storage.Postgres;

/// <summary>Commands with named parameters: values always travel as parameters, never in the SQL text.</summary>
internal static class Sql
{
    public static NpgsqlCommand Command(NpgsqlConnection connection, string text, NpgsqlTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(text, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(value is Json json
                ? new NpgsqlParameter(name, NpgsqlDbType.Jsonb) { Value = json.Text }
                : new NpgsqlParameter(name, value ?? DBNull.Value));
        }

        return command;
    }

    public static async Task<int> ExecuteAsync(NpgsqlConnection connection, string text, NpgsqlTransaction? transaction, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, text, transaction, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every value of the first column of the rows <paramref name="text"/> returns.</summary>
    public static async Task<List<T>> ListAsync<T>(NpgsqlConnection connection, string text, NpgsqlTransaction? transaction, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, text, transaction, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var values = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    /// <summary>A <c>jsonb</c> parameter value.</summary>
    public sealed record Json(string Text);

    /// <summary>Whether <paramref name="ex"/> is a unique violation of <paramref name="constraint"/>.</summary>
    public static bool IsUniqueViolation(PostgresException ex, string constraint) =>
        ex.SqlState == PostgresErrorCodes.UniqueViolation && string.Equals(ex.ConstraintName, constraint, StringComparison.Ordinal);
}
