// Jeg søger job som: suggestions for the occupation field from GET /api/v1/occupations?q=, as a datalist.
// Without JavaScript the server resolves the typed text itself and asks when it is ambiguous.
(() => {
    const input = document.querySelector("input[data-occupation-search]");
    if (!input || !window.fetch) return;
    const list = document.createElement("datalist");
    list.id = `${input.id}-options`;
    input.after(list);
    input.setAttribute("list", list.id);
    let timer;
    let asked = "";
    input.addEventListener("input", () => {
        clearTimeout(timer);
        timer = setTimeout(async () => {
            const q = input.value.trim();
            if (q.length < 2 || q === asked) return;
            asked = q;
            try {
                const url = `${input.dataset.occupationSearch}?q=${encodeURIComponent(q)}&limit=10`;
                const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
                if (!response.ok || input.value.trim() !== q) return;
                const { items } = await response.json();
                list.replaceChildren(...items.map(item => {
                    const option = document.createElement("option");
                    option.value = item.title;
                    if (item.alias) option.label = item.alias;
                    return option;
                }));
            } catch {
                // Suggestions are an extra: typing and saving work without them.
            }
        }, 200);
    });
})();
