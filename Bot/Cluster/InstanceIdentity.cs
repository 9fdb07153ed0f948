using System.Security.Cryptography;

namespace Radar.Bot.Cluster;

/// <summary>
/// This process's name among the instances sharing a database: <c>Radar:InstanceId</c> when set,
/// else host name, process id and a random suffix (containers often all run as process 1). It signs
/// claims and leases, names the Quartz node, and is in every log line.
/// </summary>
public sealed class InstanceIdentity(IConfiguration configuration)
{
    public const string Key = "Radar:InstanceId";

    public string Id { get; } = configuration[Key] is { Length: > 0 } configured
        ? configured
        : $"{Environment.MachineName}-{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
}
