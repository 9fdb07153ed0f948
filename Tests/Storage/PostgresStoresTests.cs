namespace Radar.Tests.Storage;

[Trait("Category", "Slow")]
public sealed class PostgresStoresTests() : StoresTests("Postgres");
