// Saves a file that .NET streams to the browser (a DotNetStreamReference) under the given name.
export async function saveFile(fileName, contentType, streamRef) {
    const buffer = await streamRef.arrayBuffer();
    const url = URL.createObjectURL(new Blob([buffer], { type: contentType }));
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    // Some browsers read the blob after click() returns; let go of it once the download has started.
    setTimeout(() => URL.revokeObjectURL(url), 10000);
}
