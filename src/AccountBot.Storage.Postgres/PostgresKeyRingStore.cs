using System.Xml.Linq;
using Npgsql;

namespace AccountBot.Storage.Postgres;

/// <summary>
/// The Data Protection key ring's XML elements in <c>data_protection_keys</c>, shared by every instance on the
/// database. Synchronous because Data Protection's repository contract is: it reads the ring rarely (at start, when a
/// key is missing, once a day) and writes a key about every 90 days.
/// </summary>
public sealed class PostgresKeyRingStore(NpgsqlDataSource dataSource)
{
    /// <summary>Every element, in the order they were added.</summary>
    public IReadOnlyList<XElement> GetAll()
    {
        using var connection = dataSource.OpenConnection();
        using var command = Sql.Command(connection, "SELECT xml FROM data_protection_keys ORDER BY created_at, name");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    /// <summary>Adds an element under <paramref name="name"/>; a name already stored is kept as it is (elements never change).</summary>
    public bool Add(XElement element, string name)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentException.ThrowIfNullOrEmpty(name);
        using var connection = dataSource.OpenConnection();
        using var command = Sql.Command(connection, "INSERT INTO data_protection_keys (name, xml) VALUES (@name, @xml) ON CONFLICT (name) DO NOTHING", null,
            ("name", name), ("xml", element.ToString(SaveOptions.DisableFormatting)));
        return command.ExecuteNonQuery() == 1;
    }
}
