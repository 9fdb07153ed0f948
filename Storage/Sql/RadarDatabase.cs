using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Radar.Storage.Sql;

/// <summary>
/// The database as SQL over ADO.NET, without EF Core at run time: one connection per unit of work
/// (register it scoped), opened on first use, and the transaction the unit of work runs in. Values
/// are written as EF Core wrote them, so a database keeps working whichever of the two wrote it:
/// times as UTC (<c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c> text on SQLite, <c>timestamp with time zone</c>
/// on PostgreSQL), enums as the caller names them.
/// </summary>
public sealed class RadarDatabase(StorageOptions options) : IAsyncDisposable
{
    private DbConnection? _connection;
    private DbTransaction? _transaction;

    /// <summary>
    /// For tests that look through EF Core: the <see cref="RadarDbContext"/> whose connection and
    /// transaction this shares. Typed <c>object</c>, and used only in methods of their own, so that
    /// the bot never loads EF Core.
    /// </summary>
    private readonly object? _context;

    private RadarDatabase(RadarDbContext context)
        : this(new StorageOptions { Provider = context.OnPostgres ? StorageProvider.Postgres : StorageProvider.Sqlite }) => _context = context;

    /// <summary>
    /// SQL on an EF Core context's connection, in its transaction, so that a test writing through EF
    /// Core and a store share one unit of work.
    /// </summary>
    public static RadarDatabase Over(RadarDbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new RadarDatabase(context);
    }

    public bool OnPostgres => options.Provider == StorageProvider.Postgres;

    /// <summary>The open connection, opened on first use.</summary>
    public async Task<DbConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        if (_context is not null)
        {
            return await SharedConnectionAsync(_context, cancellationToken).ConfigureAwait(false);
        }

        if (_connection is null)
        {
            var connection = OnPostgres ? NewPostgres(options.ConnectionString) : NewSqlite(options.ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            _connection = connection;
        }

        return _connection;
    }

    /// <remarks>
    /// A method of its own returning the base type, so that a bot on SQLite never loads Npgsql (a
    /// caller compiled against <c>NpgsqlConnection</c> would load it).
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "The base type keeps Npgsql unloaded on SQLite.")]
    private static DbConnection NewPostgres(string connectionString) => new NpgsqlConnection(connectionString);

    [MethodImpl(MethodImplOptions.NoInlining)]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "The base type keeps Microsoft.Data.Sqlite unloaded on PostgreSQL.")]
    private static DbConnection NewSqlite(string connectionString) => new SqliteConnection(connectionString);

    /// <summary>
    /// Begins the unit of work's transaction: every command of this unit of work runs in it until it
    /// is committed, or rolled back when disposed uncommitted.
    /// </summary>
    public async Task<RadarTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        if (_context is not null)
        {
            return await BeginSharedAsync(_context, cancellationToken).ConfigureAwait(false);
        }

        var connection = await ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        _transaction = transaction;
        return new RadarTransaction(
            async token =>
            {
                await transaction.CommitAsync(token).ConfigureAwait(false);
                _transaction = null; // a completed transaction cannot carry another command
            },
            async () =>
            {
                _transaction = null;
                await transaction.DisposeAsync().ConfigureAwait(false);
            });
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<DbConnection> SharedConnectionAsync(object context, CancellationToken cancellationToken)
    {
        var database = ((RadarDbContext)context).Database;
        await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return database.GetDbConnection();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DbTransaction? SharedTransaction(object context) => ((RadarDbContext)context).Database.CurrentTransaction?.GetDbTransaction();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<RadarTransaction> BeginSharedAsync(object context, CancellationToken cancellationToken)
    {
        var shared = await ((RadarDbContext)context).Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        return new RadarTransaction(shared.CommitAsync, shared.DisposeAsync);
    }

    /// <summary>Runs a statement; returns the rows it changed.</summary>
    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var command = await CommandAsync(sql, parameters, cancellationToken).ConfigureAwait(false);
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The first column of the first row, or null.</summary>
    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var command = await CommandAsync(sql, parameters, cancellationToken).ConfigureAwait(false);
        await using (command.ConfigureAwait(false))
        {
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is DBNull ? null : value;
        }
    }

    /// <summary>Every row, read by <paramref name="read"/>.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(read);
        var command = await CommandAsync(sql, parameters, cancellationToken).ConfigureAwait(false);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var rows = new List<T>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(read(reader));
                }

                return rows;
            }
        }
    }

    /// <summary>SQL for "<paramref name="text"/> contains <paramref name="part"/>", ordinal, as EF Core translates <c>Contains</c>.</summary>
    public string ContainsSql(string text, string part) => OnPostgres ? $"strpos({text}, {part}) > 0" : $"instr({text}, {part}) > 0";

    /// <summary>A stored text, or null.</summary>
    public static string? TextOrNull(DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }

    /// <summary>A stored time, as UTC.</summary>
    public static DateTime Utc(DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);
    }

    /// <summary>A stored time, as UTC, or null.</summary>
    public static DateTime? UtcOrNull(DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.IsDBNull(ordinal) ? null : Utc(reader, ordinal);
    }

    private async Task<DbCommand> CommandAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken).ConfigureAwait(false);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction ?? (_context is null ? null : SharedTransaction(_context));
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = Stored(value);
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private object Stored(object? value) => value switch
    {
        null => DBNull.Value,
        DateTime time when OnPostgres => time.Kind == DateTimeKind.Utc ? time : time.ToUniversalTime(),
        DateTime time => (time.Kind == DateTimeKind.Utc ? time : time.ToUniversalTime()).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        _ => value,
    };

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
