namespace Radar.Tests.Storage;

public sealed class PostgresStoresTests() : StoresTests("Postgres");
