using Microsoft.Extensions.Logging;
using TradingBot.Dashboard.Cluster;

namespace TradingBot.Dashboard.Tests.Cluster;

public sealed class ClusterHelpersTests
{
    [Fact]
    public void Log_buffer_keeps_the_newest_lines_and_pages_by_sequence()
    {
        using var buffer = new DashboardLogBuffer(capacity: 3);
        var logger = buffer.CreateLogger("Test.Category");

        logger.LogDebug("dropped: below the minimum level");
        for (var i = 1; i <= 5; i++)
        {
            logger.LogInformation("line {Number}", i);
        }

        var tail = buffer.Read(0, 10);
        tail.Lines.Select(l => l.Message).Should().Equal("line 3", "line 4", "line 5");
        tail.LastSequence.Should().Be(5);
        buffer.Read(4, 10).Lines.Should().ContainSingle().Which.Category.Should().Be("Test.Category");
        buffer.Read(5, 10).Should().BeEquivalentTo(new { LastSequence = 5L, Lines = Array.Empty<object>() });
        buffer.Read(0, 2).LastSequence.Should().Be(4, "the next request continues after the last line returned");

        buffer.Enabled = false;
        logger.LogError(new InvalidOperationException("boom"), "failed");
        buffer.Read(5, 10).Lines.Should().BeEmpty();
        buffer.Enabled = true;
        logger.LogError(new InvalidOperationException("boom"), "failed");
        buffer.Read(5, 10).Lines.Single().Should().Match<Ports.Cluster.LogLineView>(l => l.Level == "Error" && l.Message == "failed [InvalidOperationException: boom]");
    }

    [Fact]
    public void Process_sampler_reports_plausible_figures()
    {
        var sampler = new ProcessStatsSampler();
        var spinUntil = DateTime.UtcNow.AddMilliseconds(50);
        while (DateTime.UtcNow < spinUntil)
        {
            // Burn a little CPU so the first sample has something to measure.
        }

        var stats = sampler.Sample();

        stats.CpuPercent.Should().BeInRange(0, 100);
        stats.WorkingSetBytes.Should().BeGreaterThan(1_000_000);
        stats.GcHeapBytes.Should().BeGreaterThan(0);
        stats.ThreadCount.Should().BeGreaterThan(0);
    }
}
