using System.Xml.Linq;
using AccountBot.Storage.Postgres;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace AccountBot.KeyRing;

/// <summary>Data Protection's key ring in the PostgreSQL database, so every instance reads the keys another made.</summary>
internal sealed class PostgresXmlRepository(PostgresKeyRingStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => [.. store.GetAll()];

    public void StoreElement(XElement element, string friendlyName) => store.Add(element, friendlyName);
}
