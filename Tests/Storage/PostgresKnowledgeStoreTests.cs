namespace Radar.Tests.Storage;

[Trait("Category", "Slow")]
public sealed class PostgresKnowledgeStoreTests() : KnowledgeStoreTests("Postgres");
