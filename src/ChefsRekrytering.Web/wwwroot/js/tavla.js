// The recruitment's board (/rekrytering/{id}/tavla): drag-and-drop and keyboard moves of the candidate cards.
// Without this script every card has its own form; with it, a move fills in that same form and submits it, so the
// server's process is the only rule and its answer (done, or refused with the reason) is the page that comes back.
// Keyboard: focus a card (Tab), Space picks it up, the arrow keys choose the column, Space or Enter drops, Escape cancels.
(function () {
    "use strict";
    var tavla = document.getElementById("tavla");
    if (!tavla || tavla.getAttribute("data-kan-flytta") !== "ja") return;
    var besked = document.getElementById("tavla-besked");
    var kolumner = Array.prototype.slice.call(tavla.querySelectorAll(".tavla-kolumn"));
    var upplockat = null; // { kort, fran, mal }

    function saga(text) {
        // Emptied first, so the same sentence twice is read twice.
        besked.textContent = "";
        window.setTimeout(function () { besked.textContent = text; }, 50);
    }

    function kolumnFor(element) { return element.closest(".tavla-kolumn"); }
    function rubrik(kolumn) { return kolumn.getAttribute("data-rubrik"); }
    function namn(kort) { return kort.getAttribute("data-namn"); }

    function markera(kolumn) {
        kolumner.forEach(function (k) { k.classList.toggle("tavla-mal", k === kolumn); });
    }

    // Fills in the card's own form with the column and submits it, as a click on its button would.
    function flytta(kort, kolumn) {
        var form = kort.querySelector("form.tavla-flytta");
        var till = form && form.querySelector("[name=till]");
        if (!till) return;
        var tillstand = kolumn.getAttribute("data-tillstand");
        if (till.tagName === "SELECT" && !till.querySelector("option[value='" + tillstand + "']")) {
            var option = document.createElement("option");
            option.value = tillstand;
            option.textContent = rubrik(kolumn);
            till.appendChild(option);
        }
        till.value = tillstand;
        saga(namn(kort) + " flyttas till " + rubrik(kolumn) + ".");
        form.submit();
    }

    function taUpp(kort) {
        var fran = kolumnFor(kort);
        upplockat = { kort: kort, fran: fran, mal: fran };
        kort.classList.add("tavla-upplockat");
        kort.setAttribute("aria-grabbed", "true");
        markera(fran);
        saga(namn(kort) + " är upplockad i kolumnen " + rubrik(fran) + ". Välj kolumn med piltangenterna, släpp med mellanslag eller Enter, avbryt med Escape.");
    }

    function slapp(avbryt) {
        if (!upplockat) return;
        var u = upplockat;
        upplockat = null;
        u.kort.classList.remove("tavla-upplockat");
        u.kort.removeAttribute("aria-grabbed");
        markera(null);
        if (avbryt || u.mal === u.fran) {
            saga("Flytten är avbruten. " + namn(u.kort) + " är kvar i " + rubrik(u.fran) + ".");
            return;
        }
        flytta(u.kort, u.mal);
    }

    function valj(steg) {
        var i = kolumner.indexOf(upplockat.mal) + steg;
        if (i < 0 || i >= kolumner.length) return;
        upplockat.mal = kolumner[i];
        markera(upplockat.mal);
        saga(rubrik(upplockat.mal) + (upplockat.mal === upplockat.fran ? ", där kortet är nu." : ". Släpp med mellanslag eller Enter."));
    }

    Array.prototype.forEach.call(tavla.querySelectorAll(".tavla-kort"), function (kort) {
        kort.setAttribute("tabindex", "0");
        kort.setAttribute("draggable", "true");
        kort.setAttribute("aria-describedby", "tavla-hjalp");

        kort.addEventListener("keydown", function (e) {
            // Keys typed in the card's own fields (the checkbox, the select) are theirs.
            if (e.target !== kort) return;
            if (!upplockat && (e.key === " " || e.key === "Spacebar")) {
                e.preventDefault();
                taUpp(kort);
            } else if (upplockat && upplockat.kort === kort) {
                if (e.key === "ArrowRight" || e.key === "ArrowDown") { e.preventDefault(); valj(1); }
                else if (e.key === "ArrowLeft" || e.key === "ArrowUp") { e.preventDefault(); valj(-1); }
                else if (e.key === " " || e.key === "Spacebar" || e.key === "Enter") { e.preventDefault(); slapp(false); }
                else if (e.key === "Escape" || e.key === "Esc") { e.preventDefault(); slapp(true); }
            }
        });
        kort.addEventListener("blur", function () { if (upplockat && upplockat.kort === kort) slapp(true); });

        kort.addEventListener("dragstart", function (e) {
            e.dataTransfer.effectAllowed = "move";
            e.dataTransfer.setData("text/plain", kort.id);
            kort.classList.add("tavla-upplockat");
        });
        kort.addEventListener("dragend", function () {
            kort.classList.remove("tavla-upplockat");
            markera(null);
        });
    });

    kolumner.forEach(function (kolumn) {
        kolumn.addEventListener("dragover", function (e) {
            e.preventDefault();
            e.dataTransfer.dropEffect = "move";
            markera(kolumn);
        });
        kolumn.addEventListener("drop", function (e) {
            e.preventDefault();
            markera(null);
            var kort = document.getElementById(e.dataTransfer.getData("text/plain"));
            if (kort && kort.classList.contains("tavla-kort") && kolumnFor(kort) !== kolumn) flytta(kort, kolumn);
        });
    });

    // Back from a move, the page opens at the card that was moved: focus it, so the keyboard goes on from there.
    if (window.location.hash.indexOf("#kort-") === 0) {
        var flyttat = document.getElementById(window.location.hash.substring(1));
        if (flyttat) flyttat.focus();
    }
}());
