// The English for words customers borrow from their own language when they write to an English help centre
// ("quiero anular mi pedido", "no Rückerstattung yet", "mon colis"): everyday shopping words in Spanish, French,
// German, Italian, Portuguese and Dutch. Retrieval asks only for words no article holds, and takes each as
// the English words given here. Keys are lower case; accents are also matched without them.

const SHOPPING_WORDS: Record<string, string> = {
  // Spanish
  pedido: 'order', pedidos: 'order', compra: 'purchase order', cancelar: 'cancel', anular: 'cancel', cancelación: 'cancel',
  paquete: 'parcel', envío: 'shipping delivery', enviar: 'send', enviado: 'shipped', entrega: 'delivery', entregar: 'deliver',
  llegar: 'arrive', llega: 'arrive', llegado: 'arrived', llegó: 'arrived', dónde: 'where', seguimiento: 'track',
  dirección: 'address', domicilio: 'address', reembolso: 'refund', devolución: 'return refund', devolver: 'return',
  cambiar: 'change', cambio: 'exchange change', talla: 'size', roto: 'broken', rota: 'broken', dañado: 'damaged',
  tarjeta: 'card', regalo: 'gift', cobro: 'charge', cobrado: 'charged', cobraron: 'charged', doble: 'double',
  pago: 'payment', pagar: 'pay', factura: 'invoice', cuenta: 'account', correo: 'email', contraseña: 'password',
  puntos: 'points', horario: 'hours', abierto: 'open', abren: 'open', cerrado: 'closed', tienda: 'store',
  // French
  commande: 'order', commandes: 'order', annuler: 'cancel', annulation: 'cancel', colis: 'parcel', livraison: 'delivery',
  livrer: 'deliver', livré: 'delivered', expédition: 'shipping', expédié: 'shipped', suivi: 'track', où: 'where',
  adresse: 'address', remboursement: 'refund', rembourser: 'refund', retour: 'return', retourner: 'return',
  échange: 'exchange', échanger: 'exchange', taille: 'size', cassé: 'broken', endommagé: 'damaged', abîmé: 'damaged',
  carte: 'card', cadeau: 'gift', débité: 'charged', prélevé: 'charged', paiement: 'payment', payer: 'pay',
  facture: 'invoice', compte: 'account', courriel: 'email', passe: 'password', fidélité: 'loyalty points',
  horaires: 'hours', ouvert: 'open', fermé: 'closed', magasin: 'store', boutique: 'store',
  // German
  bestellung: 'order', bestellt: 'ordered', stornieren: 'cancel', stornierung: 'cancel', storno: 'cancel', paket: 'parcel',
  lieferung: 'delivery', liefern: 'deliver', geliefert: 'delivered', versand: 'shipping', versandt: 'shipped',
  sendungsverfolgung: 'track', sendung: 'parcel', wo: 'where', lieferadresse: 'delivery address',
  anschrift: 'address', rückerstattung: 'refund', erstattung: 'refund', rücksendung: 'return', zurückschicken: 'return',
  umtausch: 'exchange', umtauschen: 'exchange', größe: 'size', kaputt: 'broken', beschädigt: 'damaged',
  karte: 'card', geschenkkarte: 'gift card', gutschein: 'gift card', abgebucht: 'charged', doppelt: 'twice',
  zahlung: 'payment', bezahlen: 'pay', bezahlt: 'paid', rechnung: 'invoice', konto: 'account', kundenkonto: 'account',
  passwort: 'password', kennwort: 'password', punkte: 'points', treuepunkte: 'loyalty points', öffnungszeiten: 'opening hours',
  geöffnet: 'open', geschlossen: 'closed', laden: 'store', geschäft: 'store',
  // Italian
  ordine: 'order', ordinato: 'ordered', annullare: 'cancel', cancellare: 'cancel', pacco: 'parcel', consegna: 'delivery',
  spedizione: 'shipping', spedito: 'shipped', tracciamento: 'track', dove: 'where', indirizzo: 'address',
  rimborso: 'refund', reso: 'return', restituire: 'return', taglia: 'size', rotto: 'broken',
  danneggiato: 'damaged', carta: 'card', addebitato: 'charged', pagamento: 'payment',
  pagare: 'pay', fattura: 'invoice', conto: 'account', punti: 'points', orari: 'hours',
  aperto: 'open', chiuso: 'closed', negozio: 'store',
  // Portuguese
  encomenda: 'order', cancelamento: 'cancel', pacote: 'parcel', entregue: 'delivered', envio: 'shipping',
  rastreio: 'track', rastreamento: 'track', endereço: 'address', reembolsar: 'refund', devolução: 'return refund',
  tamanho: 'size', quebrado: 'broken', danificado: 'damaged', cartão: 'card', presente: 'gift',
  fatura: 'invoice', conta: 'account', senha: 'password', pontos: 'points',
  horário: 'hours', aberto: 'open', fechado: 'closed', loja: 'store',
  // Dutch
  bestelling: 'order', besteld: 'ordered', annuleren: 'cancel', pakket: 'parcel', pakketje: 'parcel', bezorging: 'delivery',
  bezorgd: 'delivered', levering: 'delivery', verzending: 'shipping', verzonden: 'shipped', waar: 'where', adres: 'address',
  terugbetaling: 'refund', terugsturen: 'return', ruilen: 'exchange', maat: 'size', kapot: 'broken',
  beschadigd: 'damaged', kaart: 'card', cadeaukaart: 'gift card', cadeaubon: 'gift card', afgeschreven: 'charged',
  dubbel: 'twice', betaling: 'payment', betalen: 'pay', factuur: 'invoice', wachtwoord: 'password', punten: 'points',
  openingstijden: 'opening hours', gesloten: 'closed', winkel: 'store',
};

const withoutAccents = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '');

// A word two languages share is listed once, under the first.
const LOANWORDS = new Map(Object.entries(SHOPPING_WORDS).flatMap(([word, english]) => [[word, english], [withoutAccents(word), english]] as const));

/** The English words for a customer's loanword, or none ("anular" → ["cancel"], "Geschenkkarte" → ["gift", "card"]). */
export function englishFor(word: string): string[] {
  const lower = word.toLowerCase();
  return (LOANWORDS.get(lower) ?? LOANWORDS.get(withoutAccents(lower)))?.split(' ') ?? [];
}
