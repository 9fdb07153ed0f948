using Radar.Storage;

namespace Radar.Tests.Storage;

[Trait("Category", "Slow")]
public sealed class PostgresSchemaMigratorTests() : SchemaMigratorTests(StorageProvider.Postgres);
