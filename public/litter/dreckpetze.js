// Dreckpetze, step one: "use my location" fills the coordinates and sends the form. Without this script (or
// without geolocation) the button stays hidden and the description and coordinate fields do the job.
(() => {
  const form = document.querySelector('[data-module="geolocate"]');
  if (!form || !('geolocation' in navigator)) return;
  const button = form.querySelector('[data-geolocate]');
  const status = form.querySelector('[data-status]');
  const lat = form.querySelector('input[name="lat"]');
  const lon = form.querySelector('input[name="lon"]');
  if (!button || !lat || !lon) return;
  button.hidden = false;
  button.addEventListener('click', () => {
    if (status) status.textContent = form.dataset.labelLocating || '';
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        lat.value = pos.coords.latitude.toFixed(6);
        lon.value = pos.coords.longitude.toFixed(6);
        form.requestSubmit();
      },
      () => {
        button.disabled = false;
        if (status) status.textContent = form.dataset.labelFailed || '';
      },
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
    );
  });
})();
