using Microsoft.AspNetCore.Authentication.Cookies;

namespace Joblog.Web.Auth;

/// <summary>
/// The session cookie is <c>__Host-joblog-session</c> (Secure, no Domain, Path=/) on https. On plain
/// http — a developer's http://localhost:5000 — a browser refuses <c>__Host-</c> cookies without
/// Secure, so there the same cookie goes without the prefix. Behind a TLS proxy, set
/// ASPNETCORE_FORWARDEDHEADERS_ENABLED=true so the request counts as https.
/// </summary>
public sealed class HostPrefixCookieManager : ICookieManager
{
    private const string Prefix = "__Host-";
    private readonly ChunkingCookieManager inner = new();

    public string? GetRequestCookie(HttpContext context, string key) => inner.GetRequestCookie(context, NameFor(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        inner.AppendResponseCookie(context, NameFor(context, key), value, options);

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) =>
        inner.DeleteCookie(context, NameFor(context, key), options);

    private static string NameFor(HttpContext context, string key) =>
        context.Request.IsHttps || !key.StartsWith(Prefix, StringComparison.Ordinal) ? key : key[Prefix.Length..];
}
