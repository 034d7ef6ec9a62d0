using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ExecutionHub.EndToEndTests;

[Collection(AppCollection.Name)]
public sealed class TaskPageOnAPhoneTests(AppFixture app) : BrowserTest(app)
{
    private static readonly byte[] DoorPhoto = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public Task The_upload_toast_leaves_the_photo_and_submit_buttons_free_to_tap() =>
        OnPageAsync(
            async page =>
            {
                var matter = await App.AddDispatchedMatterAsync("TOAST");
                await SignInAsync(page, "grid.liu");
                await page.GotoAsync($"/tasks/{matter.TaskId}");
                await WaitForCircuitAsync(page);
                await page.GetByTestId("finding-found-yes").ClickAsync();
                await page.GetByTestId("finding-address").FillAsync("上海市杨浦区河间路200弄3号201室");
                await page.GetByTestId("finding-notes").FillAsync("邻居证实其近三个月居住于此。");

                await page.Locator("[data-testid=evidence-upload] input[type=file]").Last.SetInputFilesAsync(new FilePayload
                {
                    Name = "门牌照片.png",
                    MimeType = "image/png",
                    Buffer = DoorPhoto,
                });
                var toast = page.Locator(".mud-snackbar");
                await Expect(toast).ToContainTextAsync("已上传");

                var submit = page.GetByTestId("finding-submit");
                await submit.ScrollIntoViewIfNeededAsync();
                var toastBox = await toast.BoundingBoxAsync();
                Assert.NotNull(toastBox);
                foreach (var button in new[] { submit, page.Locator("[data-testid=evidence-upload] button").First, page.Locator("[data-testid=evidence-upload] button").Last })
                {
                    await button.ScrollIntoViewIfNeededAsync();
                    var box = await button.BoundingBoxAsync();
                    Assert.NotNull(box);
                    Assert.False(Overlap(toastBox, box), $"the toast ({Describe(toastBox)}) covers a button ({Describe(box)})");
                }

                // What a tap at the submit button's centre reaches while the toast is still up: the button itself.
                await submit.ScrollIntoViewIfNeededAsync();
                await Expect(toast).ToBeVisibleAsync();
                Assert.True(await submit.EvaluateAsync<bool>(
                    """
                    b => { const r = b.getBoundingClientRect(); const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2); return b.contains(hit); }
                    """), "the submit button's centre is covered");
                await submit.ClickAsync();
                await Expect(page).ToHaveURLAsync(new Regex("/tasks$"));
            },
            new ViewportSize { Width = 390, Height = 844 });

    private static bool Overlap(LocatorBoundingBoxResult a, LocatorBoundingBoxResult b) =>
        a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;

    private static string Describe(LocatorBoundingBoxResult box) => $"x {box.X:0}, y {box.Y:0}, {box.Width:0}×{box.Height:0}";
}
