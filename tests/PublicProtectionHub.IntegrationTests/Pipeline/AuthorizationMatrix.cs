namespace PublicProtectionHub.IntegrationTests.Pipeline;

/// <summary>What a caller gets from an endpoint through the gateway.</summary>
public enum Outcome
{
    /// <summary>Let through: the endpoint's own answer (for a person: 200 when in scope; the person out of scope is a separate 404 cell).</summary>
    Allowed,

    /// <summary>404: a person the caller is not responsible for, or no case data for this role at all.</summary>
    NotFound,

    /// <summary>
    /// 401: no token, a token not for this API (only administrators' tokens are for the identity API),
    /// or a machine client outside its own endpoints.
    /// </summary>
    Unauthorized,

    /// <summary>403: a signed-in person whose role does not allow this (never used for a person's data).</summary>
    Forbidden,
}

/// <summary>
/// Who may call what: every endpoint the services map, every caller, through the real gateway.
/// A new endpoint fails <see cref="AuthorizationMatrixTests.Every_mapped_endpoint_is_in_the_matrix"/> until it has a row here.
/// </summary>
public static class AuthorizationMatrix
{
    /// <summary>The callers, in column order: a demo user per role, the demo machine clients, and nobody.</summary>
    public static readonly IReadOnlyList<string> Callers =
    [
        "sec.exeter", "omu.exeter", "om.plymouth", "police.devon", "vlo.devon", "mappa.devon", "auditor", "admin",
        "hmpps-events", "pin-phone-provider", "police-intelligence", Anonymous,
    ];

    public const string Anonymous = "(no token)";
    public const string PersonInScope = "A1234BC";      // HMP Exeter, Devon and Cornwall, Plymouth offender manager, Devon VLU
    public const string PersonOutOfScope = "A4567EF";   // HMP Cardiff, South Wales: nobody above is responsible for them

    private const string HmppsIgnoredEvent = """
        {"eventType":"hub.authorization-matrix.sample","version":1,"occurredAt":"2026-01-01T00:00:00Z",
         "additionalInformation":{},"personReference":{"identifiers":[{"type":"NOMS","value":"A1234BC"}]}}
        """;

    private const string ZoneCheckSample = """
        {"person":"A1234BC","latitude":50.3790,"longitude":-4.1210,"at":"2026-06-01T12:00:00Z"}
        """;

    private const Outcome A = Outcome.Allowed, N = Outcome.NotFound, U = Outcome.Unauthorized, F = Outcome.Forbidden;

    public sealed record Row(string Method, string Path, int AllowedStatus, string? Body, IReadOnlyList<Outcome> Outcomes)
    {
        public bool IsAboutAPerson => Path.Contains("{identifier}", StringComparison.Ordinal);
        public string Endpoint => $"{Method} {Path}";
    }

    private static readonly string[] ProtectedServices = ["risk-of-harm", "mappa", "victim-contact", "telephone-monitoring", "case-record"];

    public static readonly IReadOnlyList<Row> Rows =
    [
        //                                                                        sec omu om pol vlo map aud adm hmpps pin intel anon
        Get("/api/case-record/people/{identifier}",                          200, A,  A,  A, A,  A,  A,  N,  N,  U,    U,  U,    U),
        Get("/api/case-record/people/{identifier}/timeline",                 200, A,  A,  A, A,  A,  A,  N,  N,  U,    U,  U,    U),
        // An event that is on nobody's timeline: the person is found (else 404 like any person), then the event is not.
        Get("/api/case-record/people/{identifier}/timeline/{entryId}/deliveries", 404, A, A, A, A, A, A, N, N, U, U, U, U),
        // Every practitioner has an inbox of their own; auditors and administrators have none.
        Get("/api/case-record/inbox",                                        200, A,  A,  A, A,  A,  A,  F,  F,  U,    U,  U,    U),
        Get("/api/case-record/inbox/stream",                                 200, A,  A,  A, A,  A,  A,  F,  F,  U,    U,  U,    U),
        // An item that is in nobody's inbox: authorized, then not found, so the matrix changes nothing.
        Post("/api/case-record/inbox/{id}/read", null,                      404, A,  A,  A, A,  A,  A,  F,  F,  U,    U,  U,    U),
        Post("/api/case-record/inbox/{id}/acknowledge", null,               404, A,  A,  A, A,  A,  A,  F,  F,  U,    U,  U,    U),
        // The police and the police-intelligence client, each scoped to its force.
        Get("/api/case-record/feeds/intelligence",                           200, F,  F,  F, A,  F,  F,  F,  F,  F,    U,  A,    U),
        // Secure messages: practitioners only. An empty message is refused (400) and a thread id names no thread (404),
        // so the matrix writes nothing.
        Get("/api/case-record/messages",                                     200, A,  A,  A, A,  A,  A,  F,  F,  U,    U,  U,    U),
        Post("/api/case-record/messages", "{}",                              400, A,  A,  A, A,  A,  A,  F,  F,  U,    U,  U,    U),
        Get("/api/case-record/messages/{threadId}",                          404, A,  A,  A, A,  A,  A,  F,  F,  U,    U,  U,    U),
        Post("/api/case-record/messages/{threadId}/read", null,             404, A,  A,  A, A,  A,  A,  F,  F,  U,    U,  U,    U),
        .. ProtectedServices.SelectMany(service => new[]
        {
            Get($"/api/{service}/people/{{identifier}}/responsibility",      200, A,  A,  A, A,  A,  A,  N,  N,  U,    U,  U,    U),
            Get($"/api/{service}/audit/entries",                             200, F,  F,  F, F,  F,  F,  A,  F,  U,    U,  U,    U),
            Get($"/api/{service}/audit/verify",                              200, F,  F,  F, F,  F,  F,  A,  F,  U,    U,  U,    U),
        }),
        // Telephone monitoring. Writes by the security department only; an empty body is refused (400) once the person is
        // found, so the matrix writes nothing. Other roles are answered as for a person out of their scope (404).
        Get("/api/telephone-monitoring/people/{identifier}/monitoring-authorisations", 200, A, A, A, N, N, A, N, N, U, U, U, U),
        Post("/api/telephone-monitoring/people/{identifier}/monitoring-authorisations", "{}",
                                                                             400, A,  N,  N, N,  N,  N,  N,  N,  U,    U,  U,    U),
        // An authorisation id that names none: the person is found (else 404 like any person), then the authorisation is not.
        Post("/api/telephone-monitoring/people/{identifier}/monitoring-authorisations/{authorisationId}/renewals", "{}",
                                                                             404, A,  N,  N, N,  N,  N,  N,  N,  U,    U,  U,    U),
        Get("/api/telephone-monitoring/people/{identifier}/numbers-of-concern", 200, A, N, N, N, N, N, N, N, U, U, U, U),
        Post("/api/telephone-monitoring/people/{identifier}/numbers-of-concern", "{}",
                                                                             400, A,  N,  N, N,  N,  N,  N,  N,  U,    U,  U,    U),
        Post("/api/telephone-monitoring/people/{identifier}/call-reviews", "{}",
                                                                             400, A,  N,  N, N,  N,  N,  N,  N,  U,    U,  U,    U),
        // "matrix-nobody" is not a phone number: authorized, then refused (400).
        Get("/api/telephone-monitoring/numbers/{number}/links",              400, A,  F,  F, A,  F,  F,  F,  F,  U,    U,  U,    U),
        // The PIN phone provider's own endpoints: an empty batch (200) and a screening without its parameters (400).
        Post("/api/telephone-monitoring/call-records", "[]",                 200, F,  F,  F, F,  F,  F,  F,  F,  U,    A,  U,    U),
        Get("/api/telephone-monitoring/screening",                           400, F,  F,  F, F,  F,  F,  F,  F,  U,    A,  U,    U),
        // Victim contact: cases and everything about victims are for the allocated unit's VLOs only; an empty body is refused
        // (400) and an id names no case (404), so the matrix writes nothing.
        Get("/api/victim-contact/cases",                                     200, F,  F,  F, F,  A,  F,  F,  F,  U,    U,  U,    U),
        Post("/api/victim-contact/cases", "{}",                              400, F,  F,  F, F,  A,  F,  F,  F,  U,    U,  U,    U),
        Get("/api/victim-contact/cases/{caseId}",                            404, N,  N,  N, N,  A,  N,  N,  N,  U,    U,  U,    U),
        Post("/api/victim-contact/cases/{caseId}/close", "{}",               404, N,  N,  N, N,  A,  N,  N,  N,  U,    U,  U,    U),
        Post("/api/victim-contact/cases/{caseId}/allocate", "{}",            404, N,  N,  N, N,  A,  N,  N,  N,  U,    U,  U,    U),
        Post("/api/victim-contact/cases/{caseId}/victims", "{}",             404, N,  N,  N, N,  A,  N,  N,  N,  U,    U,  U,    U),
        Get("/api/victim-contact/cases/{caseId}/victims/{victimId}",         404, N,  N,  N, N,  A,  N,  N,  N,  U,    U,  U,    U),
        Put("/api/victim-contact/cases/{caseId}/victims/{victimId}", "{}",   404, N,  N,  N, N,  A,  N,  N,  N,  U,    U,  U,    U),
        Post("/api/victim-contact/cases/{caseId}/victims/{victimId}/opt-in", "{}", 404, N, N, N, N, A, N, N,  N,  U,    U,  U,    U),
        Post("/api/victim-contact/cases/{caseId}/contacts", "{}",            404, N,  N,  N, N,  A,  N,  N,  N,  U,    U,  U,    U),
        Get("/api/victim-contact/cases/{caseId}/contacts",                   404, N,  N,  N, N,  A,  N,  N,  N,  U,    U,  U,    U),
        Post("/api/victim-contact/cases/{caseId}/orders", "{}",              404, N,  N,  N, N,  A,  N,  N,  N,  U,    U,  U,    U),
        Put("/api/victim-contact/cases/{caseId}/orders/{orderId}", "{}",     404, N,  N,  N, N,  A,  N,  N,  N,  U,    U,  U,    U),
        Post("/api/victim-contact/cases/{caseId}/orders/{orderId}/revoke", null, 404, N, N, N, N,  A,  N,  N,  N,  U,    U,  U,    U),
        Post("/api/victim-contact/cases/{caseId}/exclusion-zones", "{}",     404, N,  N,  N, N,  A,  N,  N,  N,  U,    U,  U,    U),
        Put("/api/victim-contact/cases/{caseId}/exclusion-zones/{zoneId}", "{}", 404, N, N, N, N,  A,  N,  N,  N,  U,    U,  U,    U),
        Post("/api/victim-contact/cases/{caseId}/exclusion-zones/{zoneId}/revoke", null, 404, N, N, N, N, A, N, N, N, U,   U,  U,    U),
        Post("/api/victim-contact/cases/{caseId}/breaches/{breachId}/action", "{}", 404, N, N, N, N, A, N,  N,  N,  U,    U,  U,    U),
        Get("/api/victim-contact/cases/{caseId}/breaches",                   404, N,  N,  N, N,  A,  N,  N,  N,  U,    U,  U,    U),
        Get("/api/victim-contact/cases/{caseId}/tasks",                      404, N,  N,  N, N,  A,  N,  N,  N,  U,    U,  U,    U),
        Post("/api/victim-contact/cases/{caseId}/tasks/{taskId}/outcome", "{}", 404, N,  N,  N, N,  A,  N,  N,  N,  U,    U,  U,    U),
        // Orders' terms and zones are for every practitioner responsible for the person; never the victims' details.
        Get("/api/victim-contact/people/{identifier}/orders",                200, A,  A,  A, A,  A,  A,  N,  N,  U,    U,  U,    U),
        Get("/api/victim-contact/people/{identifier}/exclusion-zones",       200, A,  A,  A, A,  A,  A,  N,  N,  U,    U,  U,    U),
        // The offender manager gives the approved address; an empty body is refused once the person is found.
        Post("/api/victim-contact/people/{identifier}/approved-address", "{}", 400, F, F,  A, F,  F,  F,  F,  F,  U,    U,  U,    U),
        Post("/api/victim-contact/exclusion-zones/check", ZoneCheckSample,   200, A,  A,  A, A,  A,  A,  N,  N,  U,    U,  U,    U),
        // A zone id that names no zone: not found for everyone.
        Post("/api/victim-contact/exclusion-zones/{zoneId}/breaches", "{}",  404, A,  A,  A, A,  A,  A,  N,  N,  U,    U,  U,    U),
        // An event type case-record does not handle: recorded and ignored (202), so the matrix changes nobody's record.
        Post("/api/case-record/integrations/hmpps-events", HmppsIgnoredEvent,
                                                                             202, F,  F,  F, F,  F,  F,  F,  F,  A,    U,  F,    U),
        Get("/api/identity/users",                                           200, U,  U,  U, U,  U,  U,  U,  A,  U,    U,  U,    U),
        Get("/api/identity/clients",                                         200, U,  U,  U, U,  U,  U,  U,  A,  U,    U,  U,    U),
        // An empty body and a user or client that does not exist: authorized, then refused, so the matrix changes nothing.
        Post("/api/identity/users", "{}",                                    400, U,  U,  U, U,  U,  U,  U,  A,  U,    U,  U,    U),
        Post("/api/identity/clients", "{}",                                  400, U,  U,  U, U,  U,  U,  U,  A,  U,    U,  U,    U),
        Post("/api/identity/users/{userName}/disable", null,                404, U,  U,  U, U,  U,  U,  U,  A,  U,    U,  U,    U),
        Post("/api/identity/clients/{clientId}/disable", null,              404, U,  U,  U, U,  U,  U,  U,  A,  U,    U,  U,    U),
    ];

    /// <summary>
    /// Served anonymously by design and so outside the matrix: the OpenID Connect protocol and the
    /// login page (tested by <see cref="SignInTests"/> and <c>TokenTests</c>).
    /// </summary>
    public static readonly IReadOnlySet<string> PublicEndpoints = new HashSet<string>
    {
        "GET /connect/authorize", "POST /connect/authorize", "POST /connect/token", "GET /connect/endsession",
        "POST /connect/endsession", "GET /connect/userinfo", "POST /connect/userinfo", "GET /account/login",
        "POST /account/login", "GET /account/logout", "POST /account/logout",
    };

    private static Row Get(string path, int allowedStatus, params Outcome[] outcomes) => Create("GET", path, null, allowedStatus, outcomes);

    private static Row Post(string path, string? body, int allowedStatus, params Outcome[] outcomes) => Create("POST", path, body, allowedStatus, outcomes);

    private static Row Put(string path, string? body, int allowedStatus, params Outcome[] outcomes) => Create("PUT", path, body, allowedStatus, outcomes);

    private static Row Create(string method, string path, string? body, int allowedStatus, Outcome[] outcomes) =>
        outcomes.Length == Callers.Count
            ? new Row(method, path, allowedStatus, body, outcomes)
            : throw new InvalidOperationException($"{method} {path}: {outcomes.Length} outcomes for {Callers.Count} callers.");
}
