namespace ExecutionHub.Web.Domain;

/// <summary>
/// Another system (a court's case system, another court) that calls the API with a key. Only the
/// key's SHA-256 is kept, with a short non-secret prefix to tell keys apart; the key itself is
/// shown once, at registration or rotation.
/// </summary>
public sealed class ApiClient
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The court the client speaks for: it reaches that court's matters and cases.</summary>
    public int CourtId { get; set; }
    public Court? Court { get; set; }

    public List<string> Scopes { get; set; } = [];

    /// <summary>The first characters of the key, shown in lists and logs; not enough to guess the rest.</summary>
    public required string KeyPrefix { get; set; }

    /// <summary>Hex SHA-256 of the whole key.</summary>
    public required string KeyHash { get; set; }

    /// <summary>The disabled account the client acts as, so what it creates names it.</summary>
    public required string UserId { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime? KeyRotatedAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
    public DateTime? LastUsedAtUtc { get; set; }

    /// <summary>Where ExecutionHub POSTs this client's events (http or https, absolute); none = no webhooks.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>
    /// The webhook signing secret, encrypted with ASP.NET Data Protection (the HMAC needs the secret
    /// itself at send time, so a hash would not do). Shown to the administrator once, when issued.
    /// </summary>
    public string? WebhookSecretProtected { get; set; }

    public DateTime? WebhookSecretIssuedAtUtc { get; set; }

    public bool IsRevoked => RevokedAtUtc is not null;
}

/// <summary>What a client may do; a request type names the scope that lets a client send it.</summary>
public static class ApiScopes
{
    public const string MattersWrite = "matters:write";
    public const string MattersRead = "matters:read";
    public const string MilestonesWrite = "milestones:write";
    public const string StatisticsRead = "statistics:read";
    public const string ImportsWrite = "imports:write";

    /// <summary>The court's streets, communities, grids and judges, with the codes the other endpoints accept.</summary>
    public const string ReferenceRead = "reference:read";

    public static readonly IReadOnlyList<string> All = [MattersWrite, MattersRead, MilestonesWrite, StatisticsRead, ImportsWrite, ReferenceRead];
}

/// <summary>One call to the API, kept for the administrator: who, what, the answer and how long it took.</summary>
public sealed class ApiCall
{
    public long Id { get; set; }

    /// <summary>Null when the call carried no valid key.</summary>
    public int? ApiClientId { get; set; }
    public required string ClientName { get; set; }
    public required string Method { get; set; }
    public required string Path { get; set; }
    public int StatusCode { get; set; }
    public int DurationMs { get; set; }
    public DateTime AtUtc { get; set; }
}

/// <summary>
/// The first answer to a request sent with an <c>Idempotency-Key</c>: the unique (client, key)
/// pair makes a retry find it instead of creating a second matter, even when two retries race.
/// </summary>
public sealed class IdempotentRequest
{
    public long Id { get; set; }
    public int ApiClientId { get; set; }
    public required string Key { get; set; }

    /// <summary>SHA-256 of the method, path and body: the same key with another body is refused.</summary>
    public required string RequestHash { get; set; }

    /// <summary>Null while the first request is still being handled.</summary>
    public int? StatusCode { get; set; }
    public string? ResponseBody { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
