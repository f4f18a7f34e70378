namespace CampaignEngine.Orders.Ingest;

/// <summary>
/// Loads a shop's exports: the mapping first, then customers.csv (so customer rows get their details),
/// then orders.csv. An order whose customer has no customers.csv row still counts — dropping it would
/// understate revenue and repeat rates — the customer is created with unknown contact details and
/// counted in <see cref="IngestSummary.CustomersWithoutDetails"/>.
/// </summary>
internal static class ShopExportLoader
{
    public static IngestResult Load(IngestRequest request)
    {
        var summary = new IngestSummary { RejectsPath = request.RejectsPath };
        var errors = new List<string>();
        var rejects = new RejectList();

        foreach (var (path, what) in new[] { (request.OrdersPath, "orders file"), (request.CustomersPath, "customers file"), (request.MappingPath, "mapping file") })
        {
            if (path is not null && !File.Exists(path))
            {
                errors.Add($"{path}: {what} not found");
            }
        }

        if (errors.Count > 0)
        {
            return new IngestResult(null, summary, [], errors);
        }

        var mapping = request.MappingPath is null ? ColumnMapping.Default : ColumnMapping.Read(request.MappingPath, errors);
        if (errors.Count > 0)
        {
            return new IngestResult(null, summary, [], errors);
        }

        // ~150 bytes per order line in a Taobao export: size the tables once instead of doubling them.
        var builder = new OrderHistoryBuilder((int)Math.Min(200_000_000, new FileInfo(request.OrdersPath).Length / 150));
        try
        {
            if (request.CustomersPath is not null && CustomersFile.Read(request.CustomersPath, mapping, builder, rejects, summary, request.RangeBytes) is { } customersError)
            {
                errors.Add(customersError);
            }

            if (errors.Count == 0 && OrdersFile.Read(request.OrdersPath, mapping, builder, rejects, summary, request.RangeBytes) is { } ordersError)
            {
                errors.Add(ordersError);
            }
        }
        catch (IOException ex)
        {
            errors.Add($"cannot read the input: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            errors.Add($"cannot read the input: {ex.Message}");
        }

        if (errors.Count > 0)
        {
            return new IngestResult(null, summary, rejects.Items, errors);
        }

        summary.CustomersWithoutDetails = builder.CustomersWithoutDetails;
        var warnings = new List<string>();
        if (rejects.Items.Count == 0)
        {
            summary.RejectsPath = null;
        }

        // No rejects, no file: a clean load leaves the data directory untouched.
        if (request.RejectsPath is not null && rejects.Items.Count > 0)
        {
            try
            {
                rejects.Write(request.RejectsPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                summary.RejectsPath = null;
                warnings.Add($"{request.RejectsPath}: cannot write the rejects file ({ex.Message}); pass --rejects PATH to write it elsewhere.");
            }
        }

        return new IngestResult(builder.Build(), summary, rejects.Items, errors) { Warnings = warnings };
    }
}
