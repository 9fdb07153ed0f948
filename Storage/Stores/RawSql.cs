using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Radar.Storage.Stores;

/// <summary>Named parameters for the few statements written in SQL (the claims), on any provider.</summary>
internal static class RawSql
{
    public static DbParameter Parameter(this RadarDbContext db, string name, object value)
    {
        using var command = db.Database.GetDbConnection().CreateCommand();
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        return parameter;
    }
}
