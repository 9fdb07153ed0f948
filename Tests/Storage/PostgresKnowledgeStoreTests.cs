namespace Radar.Tests.Storage;

public sealed class PostgresKnowledgeStoreTests() : KnowledgeStoreTests("Postgres");
