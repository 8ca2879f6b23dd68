using Robson.Server.Dashboard.Pages;

namespace Robson.Server.Dashboard;

public sealed partial class DeskPages
{
    public Answer Analytics(PageRequest request)
    {
        var period = Period(request);
        using var analytics = api.Get(request.Session.Caller, "/v1/analytics", "dashboard " + request.Via, request.RequestId, fields: period);
        if (analytics.Problem is { Status: 400 } bad)
            return new Answer.Page("Analytics", "analytics-page", AnalyticsPage.Render(null, period, bad.Detail), 400);
        if (Failed(analytics) is { } failed) return failed;
        return new Answer.Page("Analytics", "analytics-page", AnalyticsPage.Render(analytics.Json, period, null));
    }

    /// <summary>A chart's data as CSV: the rows of its series in GET /v1/analytics, the JSON's field names as the header.</summary>
    public Answer AnalyticsCsv(PageRequest request)
    {
        var chart = AnalyticsPage.Charts.FirstOrDefault(c => c.Name == request.Route("chart"));
        if (chart is null) return Answer.Error(404, $"no chart '{request.Route("chart")}'");
        var period = Period(request);
        using var analytics = api.Get(request.Session.Caller, "/v1/analytics", "dashboard " + request.Via, request.RequestId, fields: period);
        if (Failed(analytics) is { } failed) return failed;
        return new Answer.Download("text/csv; charset=utf-8", $"robson-{chart.Name}-{analytics.Json.Text("from")}-{analytics.Json.Text("to")}.csv",
            Csv.Of(analytics.Json.Field(chart.Series), chart.Columns));
    }

    private static (string, string?)[] Period(PageRequest request) => [("from", request.Query("from")), ("to", request.Query("to")), ("venue", request.Query("venue"))];
}
