using ExecutionHub.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExecutionHub.Web.Data.Configurations;

internal sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> e)
    {
        e.Property(x => x.Name).HasMaxLength(100);
        e.HasIndex(x => x.Name).IsUnique();
        e.Property(x => x.KeyPrefix).HasMaxLength(16);
        e.Property(x => x.KeyHash).HasMaxLength(64);
        e.HasIndex(x => x.KeyHash).IsUnique();
        e.Ignore(x => x.IsRevoked);
        e.HasOne(x => x.Court).WithMany().HasForeignKey(x => x.CourtId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.UserId).IsUnique();
    }
}

internal sealed class ApiCallConfiguration : IEntityTypeConfiguration<ApiCall>
{
    public void Configure(EntityTypeBuilder<ApiCall> e)
    {
        e.Property(x => x.ClientName).HasMaxLength(100);
        e.Property(x => x.Method).HasMaxLength(10);
        e.Property(x => x.Path).HasMaxLength(300);
        e.HasIndex(x => new { x.ApiClientId, x.Id });
        e.HasOne<ApiClient>().WithMany().HasForeignKey(x => x.ApiClientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> e)
    {
        e.Property(x => x.Key).HasMaxLength(100);
        e.Property(x => x.RequestHash).HasMaxLength(64);
        e.HasIndex(x => new { x.ApiClientId, x.Key }).IsUnique();
        e.HasOne<ApiClient>().WithMany().HasForeignKey(x => x.ApiClientId).OnDelete(DeleteBehavior.Cascade);
    }
}
