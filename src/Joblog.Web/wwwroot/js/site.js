// Marks that scripts run (site.css shows the header's user and "Log af" inline when they don't),
// then starts DKFDS's components once the page is parsed.
document.documentElement.classList.add("js");
document.addEventListener("DOMContentLoaded", () => DKFDS.init());
