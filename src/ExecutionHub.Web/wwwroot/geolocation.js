// The browser's position for a grid worker's visit; null when the user declines or there is none.
export function current() {
    return new Promise((resolve) => {
        if (!navigator.geolocation) {
            resolve(null);
            return;
        }
        navigator.geolocation.getCurrentPosition(
            (p) => resolve({ latitude: p.coords.latitude, longitude: p.coords.longitude }),
            () => resolve(null),
            { timeout: 10000, enableHighAccuracy: true, maximumAge: 60000 });
    });
}
