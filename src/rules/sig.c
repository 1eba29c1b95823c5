/* rule SIG-001: an acuerdo of the Consejo Nacional is signed by its
 * Presidente (or Presidenta) and its Secretario (or Secretaria)
 * Ejecutivo; no firma has an empty nombre. */
#include "check.h"
#include "rx.h"

#include <string.h>

static pl_rx rx_consejo = PL_RX("\\bConsejo\\s+Nacional\\b", PCRE2_CASELESS);

/* The brief's /^Presidente(a)?/ would not match "Presidenta": the
 * feminine replaces the final e. */
static pl_rx rx_presidente = PL_RX("^President[ea]\\s+del\\s+Consejo\\s+Nacional\\b",
                                   PCRE2_CASELESS);

static pl_rx rx_secretario = PL_RX("^Secretari[oa]\\s+Ejecutiv[oa]\\b", PCRE2_CASELESS);

/* 1 match, 0 none, PL_RX_ENOMEM; the flat text of n against rx. */
static int text_matches(const pl_node *n, pl_rx *rx, pcre2_match_data *md)
{
    pl_flat f;
    if (pl_flat_build(n, 0, &f) != 0) {
        pl_flat_free(&f);
        return PL_RX_ENOMEM;
    }
    int rc = pl_rx_search(rx, f.text, f.len, 0, 0, md);
    pl_flat_free(&f);
    return rc == PL_RX_EFAIL ? 0 : rc;
}

pl_status pl_check_sig_001(const pl_doc *doc, pl_diags *diags)
{
    pl_status st = PL_OK;
    pl_acuerdo_meta m;
    pl_rules_acuerdo_meta(doc, &m);
    const pl_node *firmas = doc->root ? pl_node_child(doc->root, PL_N_SIGNATURES) : NULL;
    if (firmas == NULL)
        return PL_OK;
    pcre2_match_data *md = pl_rx_match_data();
    if (md == NULL)
        return PL_ENOMEM;

    int has_pres = 0, has_sec = 0, k = 0, rc;
    for (const pl_node *f = pl_node_child(firmas, PL_N_SIGNATURE); f;
         f = pl_node_next_of(f, PL_N_SIGNATURE)) {
        k++;
        const pl_node *nombre = pl_node_child(f, PL_N_NAME);
        const pl_node *cargo = pl_node_child(f, PL_N_ROLE);
        if (nombre != NULL) {
            pl_flat nf;
            if (pl_flat_build(nombre, 0, &nf) != 0) {
                pl_flat_free(&nf);
                st = PL_ENOMEM;
                goto done;
            }
            if (nf.len == 0)
                pl_report_node(diags, doc, "SIG-001", nombre, "la firma %d tiene el nombre vacío",
                               k);
            pl_flat_free(&nf);
        }
        if (cargo == NULL)
            continue;
        if ((rc = text_matches(cargo, &rx_presidente, md)) == PL_RX_ENOMEM) {
            st = PL_ENOMEM;
            goto done;
        }
        has_pres |= rc == 1;
        if ((rc = text_matches(cargo, &rx_secretario, md)) == PL_RX_ENOMEM) {
            st = PL_ENOMEM;
            goto done;
        }
        has_sec |= rc == 1;
    }

    /* Only the Consejo Nacional's acuerdos need these two signatures. */
    if (m.organo == NULL)
        goto done;
    if ((rc = text_matches(m.organo, &rx_consejo, md)) == PL_RX_ENOMEM) {
        st = PL_ENOMEM;
        goto done;
    }
    if (rc != 1)
        goto done;
    if (!has_pres)
        pl_report_node(diags, doc, "SIG-001", firmas,
                       "falta la firma del Presidente del Consejo Nacional");
    if (!has_sec)
        pl_report_node(diags, doc, "SIG-001", firmas,
                       "falta la firma del Secretario Ejecutivo");
done:
    pcre2_match_data_free(md);
    return st;
}
