using Joblog.Web.Access;
using Joblog.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Joblog.Web.Features.Shared;

/// <summary>
/// A page that shows one citizen's data. Every such page gets the citizen through the gate: the
/// signed-in citizen sees their own; a caseworker sees the citizen chosen in "Se borgers Jobnet",
/// read only. For anyone but the citizen, a page that changes data (<see cref="ChangesDataAttribute"/>)
/// and every POST that is not marked <see cref="ReadOnlyPostAttribute"/> answers 403 before any data
/// is touched ("Du har ikke rettigheder til at foretage denne handling").
/// </summary>
public abstract class CitizenPageModel(CitizenGate gate) : PageModel
{
    protected Actor CurrentActor => Actor.From(User) ?? throw new InvalidOperationException("Not signed in");

    /// <summary>True when someone other than the citizen looks: templates leave out every change control.</summary>
    public bool ReadOnlyView => Actor.From(User)?.Kind != ActorKind.Citizen;

    /// <summary>Null means the page answers 404.</summary>
    protected async Task<CitizenAccess?> OpenCitizenAsync(string what)
    {
        var actor = CurrentActor;
        if (actor.SubjectId is not { } citizenId) return null;
        var access = await gate.OpenAsync(actor, citizenId, what, HttpContext.RequestAborted);
        if (access is { IsOwner: false }) ViewData[ViewingBanner.Key] = new ViewingBanner(access.CitizenName ?? "", access.OrganisationName ?? "");
        return access;
    }

    // [NonHandler]: Razor Pages would otherwise take this override for a handler "?handler=HandlerExecution" (dotnet/aspnetcore#63692).
    [NonHandler]
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (ReadOnlyView && IsChange(context))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }
        await next();
    }

    private static bool IsChange(PageHandlerExecutingContext context)
    {
        if (context.HandlerInstance.GetType().IsDefined(typeof(ChangesDataAttribute), inherit: true)) return true;
        var method = context.HttpContext.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method)) return false;
        return context.HandlerMethod?.MethodInfo.IsDefined(typeof(ReadOnlyPostAttribute), inherit: true) != true;
    }
}

/// <summary>A page whose only purpose is a change (a form to create, edit or delete): only the citizen opens it.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ChangesDataAttribute : Attribute;

/// <summary>A POST handler that only reads (e.g. making an export): a caseworker may use it too.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadOnlyPostAttribute : Attribute;

/// <summary>What the layout's banner says when a caseworker looks at a citizen's Jobnet.</summary>
public sealed record ViewingBanner(string CitizenName, string OrganisationName)
{
    public const string Key = "ViewingBanner";
}
